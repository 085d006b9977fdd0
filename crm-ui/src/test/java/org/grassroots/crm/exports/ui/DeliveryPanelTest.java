package org.grassroots.crm.exports.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.grassroots.crm.exports.ui.ExportScreenFixtures.unique;

import java.time.Duration;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.exports.ConsentGrant;
import org.grassroots.crm.exports.ConsentService;
import org.grassroots.crm.exports.ConsentSource;
import org.grassroots.crm.exports.ExportApprovalService;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportDefinitionService;
import org.grassroots.crm.exports.ExportDraft;
import org.grassroots.crm.exports.ExportField;
import org.grassroots.crm.exports.ExportLink;
import org.grassroots.crm.exports.ExportLinkService;
import org.grassroots.crm.exports.ExportSegment;
import org.grassroots.crm.exports.ExportStatus;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerDraft;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.JobProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The File card of an export's page: an organizer produces the file and follows the job until the export is ready,
 * makes a link whose address is shown once, and revokes it; a fundraiser only reads; analysts and volunteer
 * coordinators cannot open the page. The production job really runs, against the test database.
 */
@SpringBootTest
class DeliveryPanelTest extends SpringBrowserlessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    ExportDefinitionService definitions;
    @Autowired
    ExportApprovalService approvals;
    @Autowired
    ExportLinkService links;
    @Autowired
    JdbcClient jdbc;

    ExportDefinition approved;

    @BeforeEach
    void approvedExport() {
        ExportScreenFixtures fixtures = new ExportScreenFixtures(jdbc);
        TestSecurity.signInAs("file-organizer", Role.ORGANIZER);
        Partner partner = partners.create(new PartnerDraft(unique("File Partner"), null, null, null));
        for (String name : List.of("Ada", "Bo")) {
            consents.grant(fixtures.person(name, unique("File")), partner.id(),
                    new ConsentGrant("Share my details.", ConsentSource.manual(), null));
        }
        long id = definitions.create(new ExportDraft(unique("File export"), partner.id(), ExportSegment.EVERYONE,
                List.of(ExportField.FIRST_NAME, ExportField.EMAIL), "csv")).id();
        TestSecurity.signInAs("file-admin", Role.ADMIN);
        approved = approvals.approve(id);
        TestSecurity.signInAs("file-organizer", Role.ORGANIZER);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOrganizerProducesTheFileAndThePageTurnsReady() {
        DeliveryPanel panel = open();
        assertThat(panel.key.isAttached()).as("a CSV needs no agreed key").isFalse();

        test(panel.produce).click();
        JobProgress progress = $(JobProgress.class, panel.progress).single();
        await().atMost(WAIT).pollInSameThread().pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            progress.refresh();
            assertThat($(Badge.class).withClassName("export-status").single().getText())
                    .isEqualTo(ExportStatus.READY.label());
        });

        DeliveryPanel ready = $(DeliveryPanel.class).single();
        assertThat(ready.state.getText()).startsWith("Ready since ").contains("expire on ");
        assertThat($(ProductionsList.class, ready).single().items.getElement().getTextRecursively())
                .startsWith("File ready · ").contains("asked for by file-organizer");
        assertThat($(LinksList.class, ready).single().create.isVisible()).isTrue();
    }

    @Test
    void aNewLinksAddressIsShownOnceAndCanBeRevoked() {
        produceAndWait();
        LinksList list = $(LinksList.class).single();
        test(list.create).click();
        NewLinkDialog dialog = $(NewLinkDialog.class).single();
        test(dialog.note).setValue("For Maria");
        test(dialog.create).click();

        String address = dialog.url.getValue();
        assertThat(address).matches(".*/exports/download/[A-Za-z0-9_-]{43}$");
        assertThat(dialog.url.isReadOnly()).isTrue();
        assertThat(dialog.warning.getText()).contains("shown only this once");
        ExportLink made = links.links(approved.id()).getFirst();
        assertThat(made.note()).isEqualTo("For Maria");
        Div row = $(Div.class, list.rows).withClassName("export-link").single();
        assertThat(row.getElement().getAttribute("data-state")).isEqualTo("active");
        assertThat(row.getElement().getTextRecursively()).contains("For Maria").contains("not downloaded yet")
                .doesNotContain(address.substring(address.lastIndexOf('/') + 1));

        DeliveryPanel reopened = open();
        assertThat(reopened.getElement().getTextRecursively()).as("the address is never shown again")
                .doesNotContain(address.substring(address.lastIndexOf('/') + 1));
        LinksList again = $(LinksList.class, reopened).single();
        test($(Button.class, again.rows).withText("Revoke").single()).click();

        assertThat(links.links(approved.id()).getFirst().revoked()).isTrue();
        Div revoked = $(Div.class, again.rows).withClassName("export-link").single();
        assertThat(revoked.getElement().getAttribute("data-state")).isEqualTo("revoked");
        assertThat(revoked.getElement().getTextRecursively()).contains("Revoked by file-organizer");
        assertThat($(Button.class, again.rows).withText("Revoke").exists()).isFalse();
    }

    @Test
    void withdrawingNeedsAReasonThenEndsTheExport() {
        produceAndWait();
        test($(Button.class, $(DeliveryPanel.class).single()).withText("Withdraw file…").single()).click();
        WithdrawDialog dialog = $(WithdrawDialog.class).single();
        test(dialog.withdraw).click();
        assertThat(dialog.reason.isInvalid()).isTrue();

        test(dialog.reason).setValue("The partner sent it to the wrong list.");
        test(dialog.withdraw).click();

        assertThat($(Badge.class).withClassName("export-status").single().getText())
                .isEqualTo(ExportStatus.EXPIRED.label());
        DeliveryPanel panel = $(DeliveryPanel.class).single();
        assertThat(panel.state.getText()).startsWith("Expired on ");
        assertThat($(ProductionsList.class, panel).single().items.getElement().getTextRecursively())
                .contains("file deleted").contains("by file-organizer: The partner sent it to the wrong list.");
    }

    @Test
    void aFundraiserSeesTheLinksButCannotActOnThem() {
        produceAndWait();
        links.create(approved.id(), "For the partner");

        TestSecurity.signInAs("file-fundraiser", Role.FUNDRAISER);
        DeliveryPanel panel = open();

        LinksList list = $(LinksList.class, panel).single();
        assertThat(list.getElement().getTextRecursively()).contains("For the partner").contains("Works until ");
        assertThat($(Button.class, panel).all()).as("no New link, Revoke or Withdraw").isEmpty();
    }

    @Test
    void aFundraiserCannotProduceEither() {
        TestSecurity.signInAs("file-fundraiser", Role.FUNDRAISER);
        DeliveryPanel panel = open();
        assertThat(panel.state.getText()).startsWith("Approved on ");
        assertThat($(Button.class, panel).withText("Produce file").exists()).isFalse();
    }

    @Test
    void analystsAndVolunteerCoordinatorsCannotOpenAnExport() {
        for (Role role : List.of(Role.ANALYST, Role.VOLUNTEER_COORDINATOR)) {
            TestSecurity.signInAs("file-" + role.name().toLowerCase(), role);
            Component shown = navigate("exports/" + approved.id(), Component.class);
            assertThat(shown).as(role.name()).isNotInstanceOf(ExportView.class);
            assertThat(shown.getElement().getTextRecursively()).contains("We couldn't find that page");
        }
    }

    /** Produces the file, waits for the job, and opens the page again as it is then. */
    private void produceAndWait() {
        test(open().produce).click();
        awaitReady();
        open();
    }

    private void awaitReady() {
        await().atMost(WAIT).pollInSameThread().pollInterval(Duration.ofMillis(200))
                .until(() -> definitions.find(approved.id()).orElseThrow().status() == ExportStatus.READY);
    }

    private DeliveryPanel open() {
        navigate("exports/" + approved.id(), ExportView.class);
        return $(DeliveryPanel.class).single();
    }
}
