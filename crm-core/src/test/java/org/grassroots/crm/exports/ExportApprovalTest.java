package org.grassroots.crm.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.exports.ExportFixtures.unique;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.internal.ExportProduction;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who may approve which export, and the states it moves through (threshold: the default 1,000 people). */
@SpringBootTest
class ExportApprovalTest {

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    ExportDefinitionService definitions;
    @Autowired
    ExportApprovalService approvals;
    @Autowired
    ExportProduction production;
    @Autowired
    JdbcClient jdbc;

    ExportFixtures fixtures;
    long partner;

    @BeforeEach
    void setUp() {
        fixtures = new ExportFixtures(jdbc);
        as("alice", Role.ORGANIZER, Role.ADMIN);
        partner = partners.create(new PartnerDraft(unique("Approval Partner"), null, null, null)).id();
        for (String name : List.of("Ann", "Ben")) {
            consents.grant(fixtures.person(name, "Approval"), partner, ExportRowsTest.manual());
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSmallExportIsApprovedByOneAdministratorWhoDidNotAskForIt() {
        ExportDefinition requested = request(ExportField.EMAIL);
        assertThat(requested.status()).isEqualTo(ExportStatus.PENDING_APPROVAL);
        assertThat(requested.requestedBy()).isEqualTo("alice");
        assertThat(requested.sizeAtRequest()).isEqualTo(2);

        assertInvalid(() -> approvals.approve(requested.id()), "approver", "someone else must approve");
        as("bob", Role.ADMIN);
        ExportDefinition approved = approvals.approve(requested.id());

        assertThat(approved.status()).isEqualTo(ExportStatus.APPROVED);
        assertThat(approved.approvedAt()).isNotNull();
        assertThat(approved.approvals()).singleElement().satisfies(approval -> {
            assertThat(approval.approver()).isEqualTo("bob");
            assertThat(approval.capacity()).isEqualTo(ApprovalCapacity.ADMIN);
            assertThat(approval.size()).isEqualTo(2);
        });
        assertThat(fixtures.auditActions("export", requested.id()))
                .containsExactly("EXPORT_REQUESTED", "EXPORT_APPROVED");
    }

    @Test
    void anExportOverTheThresholdNeedsASecondDifferentAdministrator() {
        fixtures.consentingCrowd(partner, 999);
        ExportDefinition requested = request(ExportField.EMAIL);
        assertThat(requested.sizeAtRequest()).isEqualTo(1001);
        assertThat(approvals.secondApprovalThreshold()).as("the default, which screens show").isEqualTo(1000);

        as("bob", Role.ADMIN);
        assertThat(approvals.approve(requested.id()).status()).isEqualTo(ExportStatus.PENDING_APPROVAL);
        assertThat(approvals.stillNeeded(requested.id())).containsExactly(
                "a second administrator's approval (1,001 people is over the threshold of 1,000)");
        assertInvalid(() -> approvals.approve(requested.id()), "approver", "already approved");
        as("carol", Role.ADMIN);
        ExportDefinition approved = approvals.approve(requested.id());

        assertThat(approved.status()).isEqualTo(ExportStatus.APPROVED);
        assertThat(approved.approvals()).extracting(ExportApproval::approver).containsExactly("bob", "carol");
        assertThat(approvals.stillNeeded(requested.id())).isEmpty();
        assertThat(fixtures.auditActions("export", requested.id()))
                .containsExactly("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_APPROVED");
    }

    @Test
    void donationFieldsNeedAFundraisersSignOffOnTopOfTheAdministrator() {
        ExportDefinition plain = request(ExportField.EMAIL);
        ExportDefinition requested = request(ExportField.EMAIL, ExportField.TOTAL_GIVEN, ExportField.LAST_GIFT_ON);
        assertThat(requested.includesDonationFields()).isTrue();

        as("bob", Role.ADMIN, Role.FUNDRAISER);
        assertThat(approvals.approve(requested.id()).status()).isEqualTo(ExportStatus.PENDING_APPROVAL);
        assertThat(approvals.stillNeeded(requested.id()))
                .containsExactly("a fundraiser's sign-off for the donation fields");
        // holding both roles does not let one person give both approvals
        assertInvalid(() -> approvals.signOffDonationFields(requested.id()), "approver", "already approved");
        assertThatThrownBy(() -> production.write(requested.id(), null, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalExportTransitionException.class);
        as("olga", Role.ORGANIZER);
        assertThatThrownBy(() -> approvals.signOffDonationFields(requested.id()))
                .isInstanceOf(AccessDeniedException.class);
        as("dan", Role.FUNDRAISER);
        assertInvalid(() -> approvals.signOffDonationFields(plain.id()), "definitionId", "no donation fields");
        ExportDefinition approved = approvals.signOffDonationFields(requested.id());

        assertThat(approved.status()).isEqualTo(ExportStatus.APPROVED);
        assertThat(approved.approvals()).extracting(ExportApproval::capacity)
                .containsExactly(ApprovalCapacity.ADMIN, ApprovalCapacity.FUNDRAISER);
        assertThat(fixtures.auditActions("export", requested.id()))
                .containsExactly("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_DONATIONS_SIGNED_OFF");
    }

    @Test
    void aRejectedExportRecordsWhoWhenAndWhyAndMovesNoFurther() {
        ExportDefinition requested = request(ExportField.EMAIL);
        as("bob", Role.ADMIN);
        assertInvalid(() -> approvals.reject(requested.id(), "  "), "reason", "Say why");
        ExportDefinition rejected = approvals.reject(requested.id(), "Partner has not signed the data agreement.");

        assertThat(rejected.status()).isEqualTo(ExportStatus.REJECTED);
        assertThat(rejected.rejectedBy()).isEqualTo("bob");
        assertThat(rejected.rejectedAt()).isNotNull();
        assertThat(rejected.rejectionReason()).isEqualTo("Partner has not signed the data agreement.");
        as("carol", Role.ADMIN);
        assertThatThrownBy(() -> approvals.approve(requested.id()))
                .isInstanceOf(IllegalExportTransitionException.class)
                .hasMessageContaining("is rejected (REJECTED); it cannot become APPROVED");
        assertThatThrownBy(() -> approvals.reject(requested.id(), "again"))
                .isInstanceOf(IllegalExportTransitionException.class);
        as("dan", Role.FUNDRAISER);
        ExportDefinition other = definitionAsAlice(ExportField.EMAIL);
        assertThatThrownBy(() -> approvals.reject(other.id(), "not mine to judge"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.auditActions("export", requested.id()))
                .containsExactly("EXPORT_REQUESTED", "EXPORT_REJECTED");
        assertThat(definitions.list(null, 0, 500)).extracting(ExportDefinition::id)
                .contains(other.id(), requested.id()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(definitions.list(ExportStatus.REJECTED, 0, 500)).extracting(ExportDefinition::id)
                .contains(requested.id()).doesNotContain(other.id());
    }

    @Test
    void anApprovedExportBecomesReadyWhenProducedAndThenExpires() throws IOException {
        ExportDefinition requested = request(ExportField.EMAIL);
        assertThatThrownBy(() -> production.markReady(requested.id(), 2, Instant.now()))
                .isInstanceOf(IllegalExportTransitionException.class)
                .hasMessageContaining("it cannot become READY");
        as("bob", Role.ADMIN);
        approvals.approve(requested.id());
        assertThatThrownBy(() -> production.expire(requested.id(), "revoked"))
                .isInstanceOf(IllegalExportTransitionException.class);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        long rows = production.write(requested.id(), null, file);
        Instant expiresAt = Instant.now().minus(1, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MICROS);
        assertThat(production.markReady(requested.id(), rows, expiresAt)).isTrue();

        ExportDefinition ready = production.find(requested.id()).orElseThrow();
        assertThat(ready.status()).isEqualTo(ExportStatus.READY);
        assertThat(ready.rowCount()).isEqualTo(2);
        assertThat(ready.expiresAt()).isEqualTo(expiresAt);
        assertThat(ExportFixtures.parse(file.toString(java.nio.charset.StandardCharsets.UTF_8))).hasSize(3);
        assertThatThrownBy(() -> approvals.approve(requested.id()))
                .isInstanceOf(IllegalExportTransitionException.class);
        assertThatThrownBy(() -> production.markReady(requested.id(), rows, expiresAt))
                .isInstanceOf(IllegalExportTransitionException.class);
        assertThat(production.dueForExpiry()).contains(requested.id());

        production.expire(requested.id(), "link expired");
        assertThat(production.find(requested.id()).orElseThrow().status()).isEqualTo(ExportStatus.EXPIRED);
        assertThat(production.dueForExpiry()).doesNotContain(requested.id());
        assertThat(fixtures.auditActions("export", requested.id()))
                .containsExactly("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_READY", "EXPORT_EXPIRED");
    }

    @Test
    void aFileLargerThanItsApprovalsCoverSendsTheExportBackForApproval() {
        ExportDefinition requested = request(ExportField.EMAIL);
        as("bob", Role.ADMIN);
        approvals.approve(requested.id());

        assertThat(production.markReady(requested.id(), 1001, Instant.now().plus(7, ChronoUnit.DAYS))).isFalse();

        ExportDefinition back = production.find(requested.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(ExportStatus.PENDING_APPROVAL);
        assertThat(back.approvedAt()).isNull();
        assertThat(back.readyAt()).isNull();
        assertThat(fixtures.auditActions("export", requested.id()))
                .containsExactly("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_RETURNED_FOR_APPROVAL");
        as("carol", Role.ADMIN);
        assertThat(approvals.approve(requested.id()).status()).isEqualTo(ExportStatus.APPROVED);
    }

    @Test
    void eachRoleDoesOnlyItsPart() {
        as("olga", Role.ORGANIZER);
        ExportDefinition requested = request(ExportField.EMAIL);
        assertThatThrownBy(() -> approvals.approve(requested.id())).isInstanceOf(AccessDeniedException.class);
        as("dan", Role.FUNDRAISER);
        assertThatThrownBy(() -> request(ExportField.EMAIL)).isInstanceOf(AccessDeniedException.class);
        assertThat(definitions.find(requested.id())).isPresent();
        as("ana", Role.ANALYST);
        assertThatThrownBy(() -> definitions.list(null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> partners.list()).isInstanceOf(AccessDeniedException.class);
        as("vic", Role.VOLUNTEER_COORDINATOR);
        assertThatThrownBy(() -> definitions.find(requested.id())).isInstanceOf(AccessDeniedException.class);
    }

    private ExportDefinition request(ExportField... fields) {
        return definitions.create(new ExportDraft(unique("Approval"), partner, ExportSegment.EVERYONE,
                List.of(fields), "csv"));
    }

    private ExportDefinition definitionAsAlice(ExportField... fields) {
        var previous = SecurityContextHolder.getContext();
        as("alice", Role.ORGANIZER, Role.ADMIN);
        try {
            return request(fields);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static void as(String username, Role... roles) {
        signInAs(username, roles);
    }

    static void assertInvalid(ThrowingCallable call, String field, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
