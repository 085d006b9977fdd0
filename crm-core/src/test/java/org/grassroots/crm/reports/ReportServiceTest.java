package org.grassroots.crm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEvent;
import org.grassroots.crm.audit.AuditFilter;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
@Import(FakeReports.Config.class)
class ReportServiceTest {

    static final StatsFilter FILTER = new StatsFilter(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 29), null,
            "iowa", null);

    @Autowired
    FakeReports fakes;

    @Autowired
    ReportService reports;

    @Autowired
    ReportExports exports;

    @Autowired
    AuditLog audit;

    private final FixedStateReport report = new FixedStateReport();
    private final String id = FakeReports.id(report);

    @BeforeEach
    void register() {
        fakes.add(report);
    }

    @AfterEach
    void forget() {
        fakes.remove(report);
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleListsAndRunsReports(Role role) {
        TestSecurity.signInAs("viewer-" + role.name().toLowerCase(), role);

        assertThat(reports.reports()).contains(new ReportInfo(id, FakeReports.PLUGIN, "Fixed state figures",
                "Supporters, signatures and donations by state, from fixed numbers."));
        assertThat(reports.run(id, FILTER).rows()).hasSize(5);
        assertThat(report.lastFilter).isEqualTo(FILTER);
    }

    @Test
    void nobodySignedInGetsNothing() {
        assertThatThrownBy(() -> reports.reports()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> exports.writeCsv(id, FILTER, new ByteArrayOutputStream()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void anAnalystSeesNoMoneyAndSmallCountsMasked() {
        TestSecurity.signInAs("analyst-rep", Role.ANALYST);

        ReportRun run = reports.run(id, FILTER);

        assertThat(run.columns()).extracting(ReportColumn::kind).doesNotContain(ColumnKind.MONEY);
        assertThat(ReportProtectionTest.cell(run, "NH", "supporters").display(ColumnKind.COUNT)).isEqualTo("<10");
        assertThat(reports.filterChoices().tags()).as("the tag list is supporter data").isEmpty();
        ReportRun drill = reports.drillDown(id, "IA", FILTER).orElseThrow();
        assertThat(drill.rows().get(2).get(1).display(ColumnKind.COUNT)).isEqualTo("<10");
        assertThat(reports.drillDown(id, "CA", FILTER)).isEmpty();
    }

    @Test
    void anOrganizerSeesExactCountsButNoMoney() {
        TestSecurity.signInAs("organizer-rep", Role.ORGANIZER);

        ReportRun run = reports.run(id, FILTER);

        assertThat(run.indexOf("donations")).isEqualTo(-1);
        assertThat(ReportProtectionTest.cell(run, "NH", "supporters").value()).isEqualTo(7L);
        assertThat(run.masking()).isFalse();
    }

    @Test
    void aFundraiserSeesMoneyOnScreenAndGetsMaskedCountsInAnAuditedExport() throws Exception {
        String user = "fundraiser-" + UUID.randomUUID().toString().substring(0, 8);
        TestSecurity.signInAs(user, Role.FUNDRAISER);
        assertThat(ReportProtectionTest.cell(reports.run(id, FILTER), "IA", "donations").display(ColumnKind.MONEY))
                .isEqualTo("$45,210.75");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.writeCsv(id, FILTER, out);

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).contains("state,supporters,per10k,signatures,change,hours,donations")
                .contains("NH,<10,<10,15,3.1,2.0,150.00").contains("# Filters: 2026-09-01 to 2026-11-29 · tag: iowa");
        TestSecurity.signInAs("admin-rep", Role.ADMIN);
        List<AuditEvent> events = audit.find(new AuditFilter(user, AuditAction.REPORT_EXPORTED, null, null, null),
                0, 10);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.targetId()).isEqualTo(id);
            assertThat(e.detailsJson()).contains("\"format\": \"CSV\"").contains("\"tag\": \"iowa\"")
                    .contains("\"from\": \"2026-09-01\"").contains("\"rows\": 5");
        });
    }

    @Test
    void aPdfExportIsAuditedOnceWithItsFormat() throws Exception {
        String user = "analyst-" + UUID.randomUUID().toString().substring(0, 8);
        TestSecurity.signInAs(user, Role.ANALYST);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.writePdf(id, FILTER, "signatures", out);

        assertThat(new String(out.toByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        TestSecurity.signInAs("admin-rep", Role.ADMIN);
        assertThat(audit.find(new AuditFilter(user, AuditAction.REPORT_EXPORTED, null, null, null), 0, 10))
                .singleElement().satisfies(e -> assertThat(e.detailsJson()).contains("\"format\": \"PDF\""));
    }

    @Test
    void aReportThatIsNotRunningIsNamed() {
        TestSecurity.signInAs("organizer-rep", Role.ORGANIZER);

        assertThatThrownBy(() -> reports.run("gone.report", FILTER)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'gone.report'");
        assertThat(ReportExports.fileName(id, FILTER, ReportFormat.PDF))
                .isEqualTo("fixed-states-2026-09-01-to-2026-11-29.pdf");
    }

    @Test
    void theDefaultPeriodIsTheLast90Days() {
        StatsFilter filter = ReportService.defaultFilter(LocalDate.of(2026, 11, 23));

        assertThat(filter.from()).isEqualTo(LocalDate.of(2026, 8, 26));
        assertThat(filter.to()).isEqualTo(LocalDate.of(2026, 11, 23));
    }
}
