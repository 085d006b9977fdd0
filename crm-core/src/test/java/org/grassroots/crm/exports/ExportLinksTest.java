package org.grassroots.crm.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.exports.ExportApprovalTest.assertInvalid;
import static org.grassroots.crm.exports.ExportFixtures.unique;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Download links: who may download what, every refusal with its own reason, and one audit event per download. */
@SpringBootTest
class ExportLinksTest {

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    ExportDeliveryService delivery;
    @Autowired
    ExportLinkService links;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeliverySteps steps;

    ExportFixtures fixtures;
    long partner;
    long person;

    @BeforeEach
    void setUp() {
        fixtures = new ExportFixtures(jdbc);
        DeliverySteps.asAlice();
        partner = partners.create(new PartnerDraft(unique("Links Partner"), null, null, null)).id();
        person = fixtures.person("Link", "Person");
        consents.grant(person, partner, ExportRowsTest.manual());
        fixtures.donorSummary(person, "125.50", 3, LocalDate.of(2025, 10, 1));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aLinkLastsTheConfiguredLifetimeAndItsTokenIsNotStored() {
        ExportDefinition ready = steps.ready(steps.approved(partner, "csv", ExportField.EMAIL), null);
        Instant before = Instant.now();

        NewExportLink created = steps.link(ready.id());

        assertThat(created.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.toString()).doesNotContain(created.token());
        assertThat(created.link().createdBy()).isEqualTo("alice");
        assertThat(created.link().note()).isEqualTo("for the partner's data team");
        assertThat(created.link().expiresAt()).isBetween(before.plus(Duration.ofDays(7)).minusSeconds(5),
                ready.expiresAt());
        assertThat(jdbc.sql("SELECT token_sha256 = sha256(convert_to(:token, 'UTF8')) FROM export_link WHERE id = :id")
                .param("token", created.token()).param("id", created.link().id()).query(Boolean.class).single())
                .as("only the token's SHA-256 is stored").isTrue();
        assertThat(links.links(ready.id())).extracting(ExportLink::id).containsExactly(created.link().id());
    }

    @Test
    void unknownExpiredAndRevokedLinksAreRefusedEachWithItsOwnReason() {
        ExportDefinition ready = steps.ready(steps.approved(partner, "csv", ExportField.EMAIL), null);
        NewExportLink revoked = steps.link(ready.id());
        NewExportLink expired = steps.link(ready.id());
        NewExportLink good = steps.link(ready.id());
        signInAs("bob", Role.ADMIN);
        links.revoke(revoked.link().id());
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("UPDATE export_link SET created_at = :created, expires_at = :expires WHERE id = :id")
                .param("created", Timestamp.from(past.minusSeconds(60)))
                .param("expires", Timestamp.from(past)).param("id", expired.link().id()).update();
        DeliverySteps.asAlice();

        assertThatThrownBy(() -> steps.download(revoked.token()))
                .isInstanceOfSatisfying(ExportDownloadRefusedException.LinkRevoked.class,
                        e -> assertThat(e.linkId()).isEqualTo(revoked.link().id()))
                .hasMessageStartingWith("This download link was revoked by bob on ");
        assertThatThrownBy(() -> steps.download(expired.token()))
                .isInstanceOf(ExportDownloadRefusedException.LinkExpired.class)
                .hasMessage("This download link expired on " + ExportDownloadRefusedException.when(past)
                        + ". Ask for a new link.");
        String unknown = good.token().substring(0, 42) + (good.token().endsWith("A") ? "B" : "A");
        for (String token : List.of(unknown, "not-a-token", "", good.token() + "x")) {
            assertThatThrownBy(() -> steps.download(token)).as(token)
                    .isInstanceOf(ExportDownloadRefusedException.UnknownLink.class)
                    .hasMessageContaining("not valid");
        }
        assertThat(steps.download(good.token())).isNotEmpty();
        assertThat(auditRows("EXPORT_DOWNLOADED", ready.id())).hasSize(1);
        assertThat(auditRows("EXPORT_LINK_REVOKED", ready.id())).singleElement()
                .satisfies(event -> assertThat(event).startsWith("bob|"));
        // revoking twice changes nothing and records nothing more
        signInAs("bob", Role.ADMIN);
        assertThat(links.revoke(revoked.link().id()).revokedBy()).isEqualTo("bob");
        assertThat(auditRows("EXPORT_LINK_REVOKED", ready.id())).hasSize(1);
    }

    @Test
    void aWithdrawnExportStopsEveryLinkAndLosesItsFile() {
        ExportDefinition ready = steps.ready(steps.approved(partner, "csv", ExportField.EMAIL), null);
        NewExportLink link = steps.link(ready.id());
        assertInvalid(() -> delivery.withdraw(ready.id(), " "), "reason", "Say why");

        ExportDefinition withdrawn = delivery.withdraw(ready.id(), "the partner asked us to");

        assertThat(withdrawn.status()).isEqualTo(ExportStatus.EXPIRED);
        assertThatThrownBy(() -> steps.download(link.token()))
                .isInstanceOf(ExportDownloadRefusedException.ExportExpired.class)
                .hasMessageContaining("was withdrawn by alice on ").hasMessageContaining("(the partner asked us to)");
        assertThat(delivery.productions(ready.id()).getFirst()).satisfies(run -> {
            assertThat(run.deletedBy()).isEqualTo("alice");
            assertThat(run.fileDeletedAt()).isNotNull();
        });
        assertThatThrownBy(() -> delivery.withdraw(ready.id(), "again"))
                .isInstanceOf(IllegalExportTransitionException.class);
        assertInvalid(() -> links.create(ready.id(), null), "definitionId", "is expired");
    }

    @Test
    void anExportWithDonationFieldsDownloadsOnlyForFundraisersAndAdministrators() {
        ExportDefinition ready = steps.ready(steps.approved(partner, "csv", ExportField.EMAIL,
                ExportField.TOTAL_GIVEN), null);
        String token = steps.link(ready.id()).token();

        assertThatThrownBy(() -> steps.download(token)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("contains donation fields");
        signInAs("ann", Role.ANALYST);
        assertThatThrownBy(() -> steps.download(token)).isInstanceOf(AccessDeniedException.class);
        signInAs("vic", Role.VOLUNTEER_COORDINATOR);
        assertThatThrownBy(() -> steps.download(token)).isInstanceOf(AccessDeniedException.class);
        assertThat(auditRows("EXPORT_DOWNLOADED", ready.id())).isEmpty();

        signInAs("fran", Role.FUNDRAISER);
        assertThat(ExportFixtures.parse(new String(steps.download(token), StandardCharsets.UTF_8)))
                .containsExactly(List.of("email", "total_given"), List.of(fixtures.emailOf(person), "125.50"));
        signInAs("bob", Role.ADMIN);
        steps.download(token);
        assertThat(auditRows("EXPORT_DOWNLOADED", ready.id())).extracting(row -> row.split("\\|")[0])
                .containsExactly("fran", "bob");
        signInAs("fran", Role.FUNDRAISER);
        assertThatThrownBy(() -> links.create(ready.id(), null)).as("fundraisers download, they do not share")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void eachDownloadIsOneAuditEventNamingWhoWhenWhichExportAndWhichLink() {
        ExportDefinition ready = steps.ready(steps.approved(partner, "csv", ExportField.EMAIL), null);
        NewExportLink first = steps.link(ready.id());
        NewExportLink second = steps.link(ready.id());
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        steps.download(first.token());
        steps.download(second.token());
        signInAs("carol", Role.ADMIN);
        steps.download(first.token());

        List<Map<String, Object>> events = jdbc.sql("""
                SELECT actor, client_address, occurred_at, details->>'link' AS link, details->>'rows' AS rows
                FROM audit_event WHERE action = 'EXPORT_DOWNLOADED' AND target_type = 'export' AND target_id = :id
                ORDER BY id""").param("id", String.valueOf(ready.id())).query().listOfRows();
        assertThat(events).extracting(e -> e.get("actor") + " " + e.get("link") + " " + e.get("rows") + " "
                + e.get("client_address")).containsExactly(
                "alice " + first.link().id() + " 1 " + DeliverySteps.CLIENT,
                "alice " + second.link().id() + " 1 " + DeliverySteps.CLIENT,
                "carol " + first.link().id() + " 1 " + DeliverySteps.CLIENT);
        assertThat(events).allSatisfy(e -> assertThat(((Timestamp) e.get("occurred_at")).toInstant())
                .isAfterOrEqualTo(before));
        assertThat(links.links(ready.id())).filteredOn(link -> link.id() == first.link().id()).singleElement()
                .satisfies(link -> {
                    assertThat(link.downloads()).isEqualTo(2);
                    assertThat(link.lastDownloadAt()).isNotNull();
                });
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE target_type = 'export' AND target_id = :id""")
                .param("id", String.valueOf(ready.id())).query(Long.class).single())
                .as("requested, approved, ready, two links, three downloads").isEqualTo(8);
    }

    private List<String> auditRows(String action, long definitionId) {
        return fixtures.auditEvents(action, "export", definitionId);
    }
}
