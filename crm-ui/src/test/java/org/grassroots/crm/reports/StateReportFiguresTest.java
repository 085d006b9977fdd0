package org.grassroots.crm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.TestSecurity.as;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.jobs.JobAwait;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.pluginhost.TestPluginJars;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The real state-reports plugin (its jar, loaded by the plugin host) over the real statistics of a seeded data set:
 * every figure of Iowa, Texas, California, New York, the territories and the supporters with no state, as a
 * fundraiser sees them and as an analyst sees them, equals a plain count over the base tables
 * ({@link ReferenceFigures}), the rates per 10,000 residents use the Census file read here on its own, the changes
 * compare with the previous period counted the same way, and for the analyst every count from 1 to 9 and every
 * figure derived from it reads "<10".
 */
@SpringBootTest
class StateReportFiguresTest {

    private static final Path PLUGIN_JAR = Path.of("../plugins/state-reports/target/state-reports-1.0.0.jar");
    private static final Path CENSUS = Path.of(
            "../plugins/state-reports/src/main/resources/org/grassroots/plugins/statereports/census-population.csv");
    private static final String REPORT = "state-reports.states";
    private static final List<String> ROWS = List.of("IA", "TX", "CA", "NY", "Territories", "Unknown");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatsRefreshService refreshes;

    @Autowired
    JobService jobs;

    @Autowired
    ReportService reports;

    @Autowired
    PluginAdminService plugins;

    ReferenceFigures reference;
    Map<String, Long> residents;
    long petitionB;

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        petitionB = new StatsSeed(jdbc).seed()[1];
        reference = new ReferenceFigures(jdbc);
        refreshStatistics();
        residents = residents();
        as(Role.ADMIN, () -> TestPluginJars.installIfAbsent(plugins, "state-reports", PLUGIN_JAR));
    }

    /** Refreshes the statistics the way an admin does (a background job), and waits for it. */
    private void refreshStatistics() throws InterruptedException {
        long job = as(Role.ADMIN, refreshes::refreshNow);
        TestSecurity.signInAs("admin-test", Role.ADMIN);
        try {
            assertThat(JobAwait.ended(jobs, job, Duration.ofSeconds(90)).state()).isEqualTo(JobState.SUCCEEDED);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void everyFigureOfTheStateTableEqualsAPlainCount() {
        List<StatsFilter> filters = List.of(
                new StatsFilter(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, null, null),
                new StatsFilter(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 8, 31), null, StatsSeed.BLUE, null),
                new StatsFilter(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), petitionB, StatsSeed.RED,
                        StatsSeed.WEB));
        int masked = 0;
        for (StatsFilter filter : filters) {
            Map<String, StateFigures> now = rows(reference.byState(filter, true));
            Map<String, StateFigures> before = rows(reference.byState(filter.previousPeriod(), true));
            ReportRun fundraiser = as(Role.FUNDRAISER, () -> reports.run(REPORT, filter));
            ReportRun analyst = as(Role.ANALYST, () -> reports.run(REPORT, filter));
            assertThat(analyst.indexOf("donationTotal")).isEqualTo(-1);
            assertThat(analyst.indexOf("averageGift")).isEqualTo(-1);
            for (String row : ROWS) {
                Map<String, @Nullable BigDecimal> expected = expected(row, now.get(row), before.get(row));
                Map<String, ReportCell> seenByFundraiser = cells(fundraiser, row);
                Map<String, ReportCell> seenByAnalyst = cells(analyst, row);
                expected.forEach((column, value) -> assertNumber(number(seenByFundraiser.get(column)), value,
                        "%s %s %s".formatted(filter, row, column)));
                for (Map.Entry<String, ReportCell> cell : seenByAnalyst.entrySet()) {
                    String column = cell.getKey();
                    if (!expected.containsKey(column)) {
                        continue;
                    }
                    if (smallCount(expected, column)) {
                        masked++;
                        assertThat(cell.getValue().isMasked()).as("analyst %s %s %s", filter, row, column).isTrue();
                        assertThat(cell.getValue().plain()).isEqualTo("<10");
                    } else {
                        assertNumber(number(cell.getValue()), expected.get(column),
                                "analyst %s %s %s".formatted(filter, row, column));
                    }
                }
            }
        }
        assertThat(masked).as("the seed has small counts to mask").isPositive();
    }

    /** The figures a row must show, by column key; null where the report leaves the cell empty. */
    private Map<String, @Nullable BigDecimal> expected(String row, @Nullable StateFigures now,
            @Nullable StateFigures before) {
        StateFigures n = now == null ? zero(row) : now;
        StateFigures b = before == null ? zero(row) : before;
        Long people = residents.get(row);
        Map<String, @Nullable BigDecimal> figures = new HashMap<>();
        figures.put("supporters", BigDecimal.valueOf(n.supporters()));
        figures.put("supportersPer10k", per10k(n.supporters(), people));
        figures.put("supportersChange", change(n.supporters(), b.supporters()));
        figures.put("subscribed", BigDecimal.valueOf(n.subscribed()));
        figures.put("newSupporters", BigDecimal.valueOf(n.newSupporters()));
        figures.put("newSupportersChange", change(n.newSupporters(), b.newSupporters()));
        figures.put("signatures", BigDecimal.valueOf(n.signatures()));
        figures.put("signaturesPer10k", per10k(n.signatures(), people));
        figures.put("signaturesChange", change(n.signatures(), b.signatures()));
        figures.put("donors", BigDecimal.valueOf(n.donors()));
        figures.put("donationTotal", n.donationTotal());
        figures.put("averageGift", n.donors() == 0 ? null
                : n.donationTotal().divide(BigDecimal.valueOf(n.donors()), 2, RoundingMode.HALF_UP));
        figures.put("activeVolunteers", BigDecimal.valueOf(n.activeVolunteers()));
        figures.put("volunteerHours", n.volunteerHours());
        return figures;
    }

    /** Whether the column is a count from 1 to 9, or derived from one, so an analyst must see "<10". */
    private static boolean smallCount(Map<String, @Nullable BigDecimal> figures, String column) {
        String base = switch (column) {
            case "supportersPer10k", "supportersChange" -> "supporters";
            case "newSupportersChange" -> "newSupporters";
            case "signaturesPer10k", "signaturesChange" -> "signatures";
            case "donationTotal", "averageGift" -> "donors";
            case "volunteerHours" -> "activeVolunteers";
            default -> column;
        };
        BigDecimal count = figures.get(base);
        return count != null && count.signum() > 0 && count.compareTo(BigDecimal.TEN) < 0;
    }

    private static @Nullable BigDecimal per10k(long count, @Nullable Long people) {
        return people == null ? null : BigDecimal.valueOf(count * 10_000).divide(BigDecimal.valueOf(people), 2,
                RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal change(long now, long before) {
        return before == 0 ? null : BigDecimal.valueOf((now - before) * 100).divide(BigDecimal.valueOf(before), 1,
                RoundingMode.HALF_UP);
    }

    private static StateFigures zero(String row) {
        return new StateFigures(row, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
    }

    /** The reference figures by report row: PR under Territories, no state (XX) under Unknown. */
    private static Map<String, StateFigures> rows(List<StateFigures> figures) {
        Function<String, String> row = state -> state.equals("PR") ? "Territories"
                : state.equals("XX") ? "Unknown" : state;
        Map<String, StateFigures> rows = new HashMap<>();
        for (StateFigures f : figures) {
            rows.put(row.apply(f.state()), new StateFigures(row.apply(f.state()), f.supporters(), f.subscribed(),
                    f.newSupporters(), f.signatures(), f.donors(), f.donationTotal(), f.activeVolunteers(),
                    f.volunteerHours()));
        }
        return rows;
    }

    /** The Census residents the rates divide by: each state's own, all territories together, none for Unknown. */
    private static Map<String, Long> residents() throws IOException {
        Map<String, Long> residents = new HashMap<>();
        long territories = 0;
        for (String line : Files.readAllLines(CENSUS, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.startsWith("usps,")) {
                continue;
            }
            String[] cells = line.split(",");
            long population = Long.parseLong(cells[3]);
            if (cells[2].equals("TERRITORY")) {
                territories += population;
            } else {
                residents.put(cells[0], population);
            }
        }
        residents.put("Territories", territories);
        return residents;
    }

    private static Map<String, ReportCell> cells(ReportRun run, String row) {
        int state = run.indexOf("state");
        List<ReportCell> cells = run.rows().stream().filter(r -> row.equals(r.get(state).value())).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + row + " in " + run.title()));
        Map<String, ReportCell> byColumn = new HashMap<>();
        for (int i = 0; i < run.columns().size(); i++) {
            byColumn.put(run.columns().get(i).key(), cells.get(i));
        }
        return byColumn;
    }

    private static void assertNumber(@Nullable BigDecimal actual, @Nullable BigDecimal expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull().isEqualByComparingTo(expected);
        }
    }

    private static @Nullable BigDecimal number(@Nullable ReportCell cell) {
        if (cell == null || cell.value() == null) {
            return null;
        }
        return new BigDecimal(cell.value().toString());
    }
}
