package org.grassroots.crm.exports.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.exports.ui.ExportScreenFixtures.unique;
import static org.grassroots.crm.exports.ui.ExportScreenFixtures.unproxied;

import java.time.LocalDate;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.exports.ConsentGrant;
import org.grassroots.crm.exports.ConsentService;
import org.grassroots.crm.exports.ConsentSource;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportDefinitionService;
import org.grassroots.crm.exports.ExportField;
import org.grassroots.crm.exports.ExportStatus;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerDraft;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The "New export" form: the live count of consenting people, the approval notes, and refused input. */
@SpringBootTest
@WithMockUser(username = "new-export-organizer", roles = "ORGANIZER")
class NewExportViewTest extends SpringBrowserlessTest {

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    ExportDefinitionService definitions;
    @Autowired
    JdbcClient jdbc;

    ExportScreenFixtures fixtures;
    Partner partner;

    @BeforeEach
    void seed() {
        fixtures = new ExportScreenFixtures(jdbc);
        partner = TestSecurity.as(Role.ORGANIZER, () -> partners.create(new PartnerDraft(unique("Count Partner"),
                null, null, null)));
        consenting(fixtures.person("Ida", unique("Iowa"), ExportScreenFixtures.uniqueEmail("ida"), "IA"));
        consenting(fixtures.person("Ivo", unique("Iowa"), ExportScreenFixtures.uniqueEmail("ivo"), "IA"));
        consenting(fixtures.person("Nia", unique("Hampshire"), ExportScreenFixtures.uniqueEmail("nia"), "NH"));
        fixtures.person("Noel", unique("NoConsent"), ExportScreenFixtures.uniqueEmail("noel"), "IA");
    }

    @Test
    void theCountFollowsThePartnerAndTheSegmentAndNotesASecondApprovalOverTheThreshold() {
        NewExportView view = unproxied(navigate(NewExportView.class));
        assertThat(view.count.getText()).isEqualTo(NewExportView.CHOOSE_PARTNER);

        test(view.partner).selectItem(partner.name());
        assertThat(view.count.getText()).isEqualTo("3 people currently consent to sharing with " + partner.name()
                + " and match.");
        assertThat(view.thresholdNote.isVisible()).isFalse();

        test(view.segment.states).selectItem("IA · Iowa");
        assertThat(count(view)).isEqualTo(2);
        test(view.segment.states).selectItem("IA · Iowa", "NH · New Hampshire");
        assertThat(count(view)).as("one of the states").isEqualTo(3);

        fixtures.consentingCrowd(partner.id(), 998);
        view.segment.states.clear();
        assertThat(count(view)).isEqualTo(1001);
        assertThat(view.thresholdNote.isVisible()).isTrue();
        assertThat(view.thresholdNote.getText()).isEqualTo("That is over 1,000 people, so a second administrator "
                + "must approve it too.");

        test(view.segment.joinedFrom).setValue(LocalDate.now().plusDays(2));
        test(view.segment.joinedTo).setValue(LocalDate.now().plusDays(1));
        assertThat(view.count.getText()).isEqualTo("The end of the joining period is before its start.");
        assertThat(view.segment.joinedTo.isInvalid()).isTrue();
        assertThat(view.thresholdNote.isVisible()).isFalse();
    }

    @Test
    void missingAndRefusedInputIsNamedBesideItsField() {
        NewExportView view = unproxied(navigate(NewExportView.class));
        test(view.create).click();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.partner.isInvalid()).isTrue();
        assertThat(view.fields.isInvalid()).isTrue();
        assertThat(view.fields.getErrorMessage()).isEqualTo("Choose at least one field to export.");

        test(view.name).setValue(unique("Match file"));
        test(view.partner).selectItem(partner.name());
        test(view.fields.contact).selectItems("First name", "E-mail");
        test(view.format).selectItem("Hashed match file (HMAC-SHA-256)");
        test(view.create).click();

        assertThat(getCurrentView()).isInstanceOf(NewExportView.class);
        assertThat(view.fields.isInvalid()).isTrue();
        assertThat(view.fields.getErrorMessage()).startsWith("A hashed match file holds only e-mail and phone hashes");
    }

    @Test
    void donationFieldsSayTheyNeedAFundraiserAndTheExportIsAskedForWithThem() {
        NewExportView view = unproxied(navigate(NewExportView.class));
        String name = unique("Donors for partner");
        test(view.name).setValue(name);
        test(view.partner).selectItem(partner.name());
        test(view.fields.contact).selectItems("E-mail", "State");
        assertThat(view.donationNote.isVisible()).isFalse();
        test(view.fields.donation).selectItem("Total given (USD)");
        assertThat(view.donationNote.isVisible()).isTrue();
        test(view.segment.states).selectItem("IA · Iowa");

        test(view.create).click();

        ExportView page = (ExportView) getCurrentView();
        ExportDefinition created = definitions.list(ExportStatus.PENDING_APPROVAL, 0, 50).stream()
                .filter(definition -> definition.name().equals(name)).findFirst().orElseThrow();
        assertThat(page.getPageTitle()).isEqualTo(name);
        assertThat(created.fields()).containsExactly(ExportField.EMAIL, ExportField.STATE, ExportField.TOTAL_GIVEN);
        assertThat(created.sizeAtRequest()).isEqualTo(2);
        assertThat(created.requestedBy()).isEqualTo("new-export-organizer");
        assertThat(created.formatId()).isEqualTo("csv");
    }

    private static long count(NewExportView view) {
        return Long.parseLong(view.count.getElement().getAttribute("data-count"));
    }

    private void consenting(long personId) {
        TestSecurity.as(Role.ORGANIZER, () -> consents.grant(personId, partner.id(),
                new ConsentGrant("Share my details with the partner.", ConsentSource.manual(), null)));
    }
}
