package org.grassroots.plugins.statereports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.Measure;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.reports.WeeklyFigure;
import org.grassroots.crm.plugin.api.testing.FixedStatsQuery;
import org.grassroots.crm.plugin.api.testing.InMemoryPluginSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StateGrowthReportTest {

    /** A Thursday to a Saturday: five weeks overlap it, the first starting on Monday, September 28. */
    private static final StatsFilter OCTOBER =
            new StatsFilter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null, null, null);
    private static final LocalDate FIRST_WEEK = LocalDate.of(2026, 9, 28);

    private final FixedStatsQuery stats = new FixedStatsQuery();
    private final InMemoryPluginSettings settings =
            new InMemoryPluginSettings("state-reports", new StateReportSettings().fields());
    private final StateGrowthReport report = new StateGrowthReport(stats, settings);

    @Test
    void drawsTheFocusStatesAndTheSixStatesWithTheMost() {
        List<WeeklyFigure> figures = new ArrayList<>();
        String[] others = {"CA", "TX", "NY", "FL", "PA", "OH", "MI", "GA"};
        for (int i = 0; i < others.length; i++) {
            figures.add(week(1, others[i], 100 - i * 10));
        }
        figures.add(week(0, "IA", 3));
        figures.add(week(2, "IA", 4));
        figures.add(week(0, "PR", 500));
        figures.add(week(0, "WY", 0));
        stats.weekly(Measure.NEW_SUPPORTERS, figures);

        ReportTable table = report.run(OCTOBER);

        assertThat(table.columns()).extracting(ReportColumn::key, ReportColumn::kind).containsExactly(
                tuple("week", ColumnKind.TEXT),
                tuple("state", ColumnKind.TEXT),
                tuple("name", ColumnKind.TEXT),
                tuple("count", ColumnKind.COUNT));
        assertThat(table.rows()).hasSize(10 * 5);
        assertThat(table.rows().stream().map(row -> row.get(1)).distinct().toList())
                .containsExactly("IA", "NH", "NV", "SC", "CA", "TX", "NY", "FL", "PA", "OH");
        assertThat(rowsOf(table, "IA")).containsExactly(
                List.of("2026-09-28", "IA", "Iowa", 3L),
                List.of("2026-10-05", "IA", "Iowa", 0L),
                List.of("2026-10-12", "IA", "Iowa", 4L),
                List.of("2026-10-19", "IA", "Iowa", 0L),
                List.of("2026-10-26", "IA", "Iowa", 0L));
        assertThat(rowsOf(table, "NH")).extracting(row -> row.get(3)).containsOnly(0L);
        assertThat(rowsOf(table, "CA").get(1)).containsExactly("2026-10-05", "CA", "California", 100L);
        assertThat(table.charts())
                .containsExactly(new ChartSpec(ChartSpec.Kind.LINE, "week", List.of("count"), "state"));
        assertThat(table.title()).isEqualTo("New supporters per week by state, 2026-10-01 to 2026-10-31");
    }

    @Test
    void drawsSignaturesAndFewerStatesWhenSetSo() {
        settings.set(StateReportSettings.GROWTH_MEASURE, "Signatures").set(StateReportSettings.GROWTH_TOP_STATES, "1")
                .set(StateReportSettings.FOCUS_STATES, "NV");
        stats.weekly(Measure.SIGNATURES, List.of(week(0, "CA", 5), week(0, "TX", 9)));
        stats.weekly(Measure.NEW_SUPPORTERS, List.of(week(0, "CA", 500)));

        ReportTable table = report.run(OCTOBER);

        assertThat(table.rows().stream().map(row -> row.get(1)).distinct().toList()).containsExactly("NV", "TX");
        assertThat(table.columns().get(3).label()).isEqualTo("Signatures");
        assertThat(table.footnotes().getFirst()).startsWith("Signatures: petition signatures");
    }

    @Test
    void weeksAreTheMondaysOverlappingThePeriod() {
        assertThat(StateGrowthReport.weeks(new StatsFilter(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2),
                null, null, null))).containsExactly(LocalDate.of(2026, 11, 2));
        assertThat(StateGrowthReport.weeks(new StatsFilter(LocalDate.of(2026, 11, 8), LocalDate.of(2026, 11, 9),
                null, null, null))).containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9));
    }

    @Test
    void aFractionalCountIsAnError() {
        stats.weekly(Measure.NEW_SUPPORTERS, List.of(new WeeklyFigure(FIRST_WEEK, "IA", new BigDecimal("1.5"))));

        assertThatThrownBy(() -> report.run(OCTOBER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1.5").hasMessageContaining("IA");
    }

    private static WeeklyFigure week(int week, String state, long value) {
        return new WeeklyFigure(FIRST_WEEK.plusWeeks(week), state, BigDecimal.valueOf(value));
    }

    private static List<List<@Nullable Object>> rowsOf(ReportTable table, String state) {
        return table.rows().stream().filter(row -> state.equals(row.get(1))).toList();
    }
}
