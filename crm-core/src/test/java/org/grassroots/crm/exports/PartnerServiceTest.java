package org.grassroots.crm.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.exports.ExportApprovalTest.assertInvalid;
import static org.grassroots.crm.exports.ExportFixtures.unique;

import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class PartnerServiceTest {

    @Autowired
    PartnerService partners;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        signInAs("partner-organizer", Role.ORGANIZER);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void createsAndChangesAPartnerWithAuditEvents() {
        String name = unique("Sierra Club");
        Partner created = partners.create(new PartnerDraft("  " + name + " ", "Rae Contact",
                " Rae@Sierra.Example.org ", "Signed the data agreement in May."));

        assertThat(created.name()).isEqualTo(name);
        assertThat(created.contactEmail()).isEqualTo("rae@sierra.example.org");
        assertThat(created.createdBy()).isEqualTo("partner-organizer");
        Partner changed = partners.update(created.id(), new PartnerDraft(name + " Foundation", null, null, null));
        assertThat(changed.contactName()).isNull();
        assertThat(partners.find(created.id())).contains(changed);
        assertThat(partners.list()).contains(changed);
        assertThat(new ExportFixtures(jdbc).auditActions("partner", created.id()))
                .containsExactly("PARTNER_CREATED", "PARTNER_UPDATED");
    }

    @Test
    void namesAreUniqueWhateverTheirCaseAndContactsAreChecked() {
        String name = unique("Union Local");
        Partner first = partners.create(new PartnerDraft(name, null, null, null));

        assertInvalid(() -> partners.create(new PartnerDraft(name.toUpperCase() + " ", null, null, null)), "name",
                "already a partner called “" + name + "”");
        assertInvalid(() -> partners.create(new PartnerDraft(" ", null, null, null)), "name", "partner's name");
        assertInvalid(() -> partners.create(new PartnerDraft(unique("X"), null, "not-an-address", null)),
                "contactEmail", "name@example.org");
        assertInvalid(() -> partners.update(-1, new PartnerDraft("X", null, null, null)), "partnerId", "No partner");
        assertThat(partners.update(first.id(), new PartnerDraft(name.toLowerCase(), null, null, null)).name())
                .isEqualTo(name.toLowerCase());
    }

    @Test
    void onlyOrganizersAndAdminsChangePartners() {
        signInAs("fundraiser", Role.FUNDRAISER);
        assertThatThrownBy(() -> partners.create(new PartnerDraft(unique("F"), null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(partners.list()).isNotNull();
        signInAs("coordinator", Role.VOLUNTEER_COORDINATOR);
        assertThatThrownBy(() -> partners.list()).isInstanceOf(AccessDeniedException.class);
    }
}
