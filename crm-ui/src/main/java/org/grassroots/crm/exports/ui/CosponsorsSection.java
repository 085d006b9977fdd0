package org.grassroots.crm.exports.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.grassroots.crm.exports.CosponsorService;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.petitions.ui.PetitionSection;
import org.grassroots.crm.security.Role;

/**
 * The "Co-sponsors" section on a petition's page, for the roles that may read co-sponsors (organizers, admins,
 * fundraisers); organizers and admins also name them and record the consenting signers' consents there.
 */
@org.springframework.stereotype.Component
class CosponsorsSection implements PetitionSection {

    static final int ORDER = 10;

    private final CosponsorService cosponsors;
    private final PartnerService partners;
    private final AuthenticationContext authentication;

    CosponsorsSection(CosponsorService cosponsors, PartnerService partners, AuthenticationContext authentication) {
        this.cosponsors = cosponsors;
        this.partners = partners;
        this.authentication = authentication;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Optional<Component> sectionFor(long petitionId) {
        if (!authentication.hasAnyRole(Role.ORGANIZER_NAME, Role.ADMIN_NAME, Role.FUNDRAISER_NAME)) {
            return Optional.empty();
        }
        boolean editor = authentication.hasAnyRole(Role.ORGANIZER_NAME, Role.ADMIN_NAME);
        return Optional.of(new CosponsorsPanel(petitionId, cosponsors, partners, editor));
    }
}
