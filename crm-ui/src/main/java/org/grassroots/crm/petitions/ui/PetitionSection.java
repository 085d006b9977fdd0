package org.grassroots.crm.petitions.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * A section another feature adds to a petition's page (its co-sponsoring partners …). Implementations are Spring
 * beans; each decides from the signed-in user's roles whether to show anything.
 */
public interface PetitionSection {

    /** Lower comes first. */
    int order();

    /** The section for this petition, or empty when there is nothing to show or the user may not see it. */
    Optional<Component> sectionFor(long petitionId);
}
