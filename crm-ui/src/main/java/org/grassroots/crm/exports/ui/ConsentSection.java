package org.grassroots.crm.exports.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.grassroots.crm.exports.ConsentService;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.people.ui.SupporterSection;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.security.Role;

/**
 * The "Partner sharing" card on the supporter page, for the roles that may read consents (organizers, admins,
 * fundraisers); organizers and admins also grant and withdraw there.
 */
@org.springframework.stereotype.Component
class ConsentSection implements SupporterSection {

    static final int ORDER = 40;

    private final ConsentService consents;
    private final PartnerService partners;
    private final PetitionService petitions;
    private final AuthenticationContext authentication;

    ConsentSection(ConsentService consents, PartnerService partners, PetitionService petitions,
            AuthenticationContext authentication) {
        this.consents = consents;
        this.partners = partners;
        this.petitions = petitions;
        this.authentication = authentication;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Optional<Component> sectionFor(long personId) {
        if (!authentication.hasAnyRole(Role.ORGANIZER_NAME, Role.ADMIN_NAME, Role.FUNDRAISER_NAME)) {
            return Optional.empty();
        }
        boolean editor = authentication.hasAnyRole(Role.ORGANIZER_NAME, Role.ADMIN_NAME);
        return Optional.of(new ConsentCard(personId, consents, partners, petitions, editor));
    }
}
