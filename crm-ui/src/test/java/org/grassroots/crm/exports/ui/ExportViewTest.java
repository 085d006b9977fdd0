package org.grassroots.crm.exports.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.exports.ui.ExportScreenFixtures.unique;
import static org.grassroots.crm.exports.ui.ExportScreenFixtures.unproxied;

import java.util.List;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.exports.ApprovalCapacity;
import org.grassroots.crm.exports.ConsentGrant;
import org.grassroots.crm.exports.ConsentService;
import org.grassroots.crm.exports.ConsentSource;
import org.grassroots.crm.exports.ExportApproval;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportDefinitionService;
import org.grassroots.crm.exports.ExportDraft;
import org.grassroots.crm.exports.ExportField;
import org.grassroots.crm.exports.ExportSegment;
import org.grassroots.crm.exports.ExportStatus;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerDraft;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An export's page and the list: who sees which approval step, why a step is disabled, approving, signing off and
 * rejecting, and the list's status filter. Each test signs in as the people involved, one after another.
 */
@SpringBootTest
class ExportViewTest extends SpringBrowserlessTest {

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    ExportDefinitionService definitions;
    @Autowired
    JdbcClient jdbc;

    Partner partner;

    @BeforeEach
    void seed() {
        ExportScreenFixtures fixtures = new ExportScreenFixtures(jdbc);
        TestSecurity.signInAs("page-organizer", Role.ORGANIZER);
        partner = partners.create(new PartnerDraft(unique("Approval Partner"), null, null, null));
        for (String name : List.of("Ada", "Bo")) {
            consents.grant(fixtures.person(name, unique("Approved")), partner.id(),
                    new ConsentGrant("Share my details.", ConsentSource.manual(), null));
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theRequesterWaitsAndADifferentAdministratorApproves() {
        ExportDefinition requested = request(ExportField.FIRST_NAME, ExportField.EMAIL);
        ApprovalPanel waiting = open(requested);
        assertThat(statusOf()).isEqualTo(ExportStatus.PENDING_APPROVAL.label());
        assertThat(waiting.stillNeeded.getElement().getTextRecursively()).isEqualTo("an administrator's approval");
        assertThat($(Button.class, waiting).withText("Approve").exists()).as("an organizer approves nothing")
                .isFalse();
        assertThat($(Button.class, waiting).withText("Reject…").exists()).isFalse();

        TestSecurity.signInAs("page-admin", Role.ADMIN);
        ApprovalPanel panel = open(requested);
        Button approve = $(Button.class, panel).withText("Approve").single();
        assertThat(approve.isEnabled()).isTrue();
        test(approve).click();

        ApprovalPanel approved = $(ApprovalPanel.class).single();
        assertThat(statusOf()).isEqualTo(ExportStatus.APPROVED.label());
        assertThat(approved.given.getChildren()).singleElement().satisfies(approval -> {
            assertThat(approval.getElement().getAttribute("data-capacity")).isEqualTo(ApprovalCapacity.ADMIN.name());
            assertThat(approval.getElement().getTextRecursively()).startsWith("page-admin")
                    .contains("Administrator's approval · 2 people then · ");
        });
        assertThat(definitions.find(requested.id()).orElseThrow().approvals()).extracting(ExportApproval::approver)
                .containsExactly("page-admin");
        assertThat($(Button.class, approved).withText("Approve").exists()).isFalse();
        assertThat($(DeliveryPanel.class).single().state.getText()).startsWith("Approved on ");
    }

    @Test
    void anAdministratorWhoAskedForAnExportSeesWhyTheyCannotApproveIt() {
        TestSecurity.signInAs("page-requesting-admin", Role.ADMIN);
        ExportDefinition requested = request(ExportField.EMAIL);

        ApprovalPanel panel = open(requested);

        assertThat($(Button.class, panel).withText("Approve").single().isEnabled()).isFalse();
        assertThat($(Span.class, panel.actions).withClassName("export-approval-why").single().getText())
                .isEqualTo("You asked for this export, so someone else must approve it.");
        assertThat($(Button.class, panel).withText("Reject…").single().isEnabled()).isTrue();
    }

    @Test
    void donationFieldsNeedAFundraisersSignOffBesideTheAdministrator() {
        ExportDefinition requested = request(ExportField.EMAIL, ExportField.TOTAL_GIVEN);

        TestSecurity.signInAs("page-fundraiser", Role.FUNDRAISER);
        ApprovalPanel panel = open(requested);
        assertThat(panel.stillNeeded.getElement().getTextRecursively()).contains("an administrator's approval")
                .contains("a fundraiser's sign-off for the donation fields");
        assertThat($(Button.class, panel).withText("Approve").exists()).isFalse();
        test($(Button.class, panel).withText("Sign off donation fields").single()).click();

        ApprovalPanel signedOff = $(ApprovalPanel.class).single();
        assertThat(statusOf()).isEqualTo(ExportStatus.PENDING_APPROVAL.label());
        assertThat(signedOff.stillNeeded.getElement().getTextRecursively()).isEqualTo("an administrator's approval");
        assertThat($(Button.class, signedOff).withText("Sign off donation fields").single().isEnabled()).isFalse();
        assertThat($(Span.class, signedOff.actions).withClassName("export-approval-why").single().getText())
                .startsWith("You approved this export already");

        TestSecurity.signInAs("page-admin-2", Role.ADMIN);
        test($(Button.class, open(requested)).withText("Approve").single()).click();
        assertThat(statusOf()).isEqualTo(ExportStatus.APPROVED.label());
    }

    @Test
    void aRejectionNeedsAReasonAndShowsIt() {
        ExportDefinition requested = request(ExportField.EMAIL);
        TestSecurity.signInAs("page-rejecting-admin", Role.ADMIN);
        test($(Button.class, open(requested)).withText("Reject…").single()).click();
        RejectDialog dialog = $(RejectDialog.class).single();
        test(dialog.reject).click();
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Say why the export is rejected (1 to 2,000 "
                + "characters).");

        test(dialog.reason).setValue("The partner's agreement does not cover e-mail addresses.");
        test(dialog.reject).click();

        assertThat(statusOf()).isEqualTo(ExportStatus.REJECTED.label());
        assertThat($(ApprovalPanel.class).single().getElement().getTextRecursively())
                .contains("Rejected by page-rejecting-admin")
                .contains("The partner's agreement does not cover e-mail addresses.");
    }

    @Test
    void theListShowsEachExportsStatusAndNarrowsByIt() {
        ExportDefinition waiting = request(ExportField.EMAIL);
        ExportDefinition rejected = request(ExportField.EMAIL);
        TestSecurity.signInAs("list-admin", Role.ADMIN);
        test($(Button.class, open(rejected)).withText("Reject…").single()).click();
        RejectDialog dialog = $(RejectDialog.class).single();
        test(dialog.reason).setValue("Not this quarter.");
        test(dialog.reject).click();

        ExportsView list = unproxied(navigate(ExportsView.class));
        assertThat(rowIndex(list, waiting.id())).isGreaterThanOrEqualTo(0);
        Badge status = (Badge) test(list.grid).getCellComponent(rowIndex(list, rejected.id()), "status");
        assertThat(status.getText()).isEqualTo("Rejected");

        test(list.status).selectItem(ExportStatus.REJECTED.label());
        assertThat(rowIndex(list, rejected.id())).isGreaterThanOrEqualTo(0);
        assertThat(rowIndex(list, waiting.id())).as("a waiting export is not rejected").isNegative();
        assertThat(IntStream.range(0, test(list.grid).size()).mapToObj(i -> test(list.grid).getRow(i).status()))
                .containsOnly(ExportStatus.REJECTED);
    }

    @Test
    void anUnknownExportSaysSo() {
        navigate("exports/987654321", ExportView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("No export with id 987654321");
    }

    private ExportDefinition request(ExportField... fields) {
        return definitions.create(new ExportDraft(unique("Export"), partner.id(), ExportSegment.EVERYONE,
                List.of(fields), "csv"));
    }

    private ApprovalPanel open(ExportDefinition definition) {
        navigate("exports/" + definition.id(), ExportView.class);
        return $(ApprovalPanel.class).single();
    }

    private String statusOf() {
        return $(Badge.class).withClassName("export-status").single().getText();
    }

    private int rowIndex(ExportsView list, long id) {
        var rows = test(list.grid);
        return IntStream.range(0, rows.size()).filter(i -> rows.getRow(i).id() == id).findFirst().orElse(-1);
    }
}
