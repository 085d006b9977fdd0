package org.grassroots.crm.people.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * A card another feature adds to the supporter page (giving summary, volunteering …). Implementations are Spring
 * beans; each decides from the signed-in user's roles whether to show anything.
 */
public interface SupporterSection {

    /** Lower comes first. */
    int order();

    /** The card for this supporter, or empty when there is nothing to show or the user may not see it. */
    Optional<Component> sectionFor(long personId);
}
