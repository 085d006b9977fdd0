package org.grassroots.crm.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.ReportCell;
import org.grassroots.crm.reports.ReportInfo;
import org.grassroots.crm.reports.ReportRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ECharts options drawn from a protected report: masked values are gaps, never numbers. */
class ReportChartOptionsTest {

    private static final StatsFilter FILTER = new StatsFilter(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 21),
            null, null, null);
    private static final ChartSpec LINE = new ChartSpec(ChartSpec.Kind.LINE, "week", List.of("signatures"), "state");
    private static final ChartSpec BAR = new ChartSpec(ChartSpec.Kind.BAR, "state", List.of("signatures"), null);

    @Test
    void aLineChartHasOneSeriesPerStateOverTheWeeksWithMaskedWeeksAsGaps() {
        ReportRun run = weekly();

        JsonNode option = JsonMapper.builder().build().readTree(ReportChartOptions.line(run, LINE));

        assertThat(option.get("xAxis").get("data").toString())
                .isEqualTo("[\"2026-09-01\",\"2026-09-08\",\"2026-09-15\"]");
        JsonNode series = option.get("series");
        assertThat(series).hasSize(2);
        assertThat(series.get(0).get("name").asString()).isEqualTo("IA");
        assertThat(series.get(0).get("data").toString()).isEqualTo("[120,135,150]");
        assertThat(series.get(1).get("name").asString()).isEqualTo("NH");
        assertThat(series.get(1).get("data").toString()).as("4 is masked, the missing week is a gap too")
                .isEqualTo("[\"-\",12,\"-\"]");
    }

    @Test
    void linesFollowTheReportsOrderSoPinnedSeriesWithNothingInThePeriodAreDrawn() {
        List<String> states = List.of("IA", "NH", "NV", "SC", "CA", "TX", "NY", "FL", "PA", "OH");
        List<List<ReportCell>> rows = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            long signatures = i < 4 ? 0 : 1_000 - i;
            rows.add(row("2026-09-01", states.get(i), signatures));
            rows.add(row("2026-09-08", states.get(i), signatures));
        }

        JsonNode option = JsonMapper.builder().build().readTree(ReportChartOptions.line(run(rows), LINE));

        assertThat(option.get("series").valueStream().map(series -> series.get("name").asString()).toList())
                .as("the focus states first, though every other state has more").isEqualTo(states);
        assertThat(option.get("series").get(2).get("data").toString()).isEqualTo("[0,0]");
        assertThat(option.get("title").get("text").asString()).isEqualTo("Signatures");
    }

    @Test
    void aLineChartStopsAtTwentyFiveLinesAndSaysSo() {
        List<List<ReportCell>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(row("2026-09-01", "S" + i, i));
        }

        JsonNode option = JsonMapper.builder().build().readTree(ReportChartOptions.line(run(rows), LINE));

        assertThat(option.get("series")).hasSize(ReportChartOptions.MOST_LINES);
        assertThat(option.get("series").get(0).get("name").asString()).isEqualTo("S0");
        assertThat(option.get("title").get("text").asString()).isEqualTo("Signatures (first 25 of 30)");
    }

    @Test
    void barsAreLargestFirstAndMaskedBarsAreGaps() {
        ReportRun run = weekly();

        JsonNode option = JsonMapper.builder().build().readTree(ReportChartOptions.bar(run, BAR));

        assertThat(option.get("yAxis").get("data").toString()).startsWith("[\"IA\",\"IA\",\"IA\",\"NH\"");
        assertThat(option.get("series").get(0).get("data").toString()).isEqualTo("[150,135,120,12,\"-\"]");
    }

    /** Signatures by week and state as core hands them out: New Hampshire's 4 in the first week masked. */
    private static ReportRun weekly() {
        return run(List.of(
                row("2026-09-01", "IA", 120L), List.of(text("2026-09-01"), text("NH"), ReportCell.masked("<10")),
                row("2026-09-08", "IA", 135L), row("2026-09-08", "NH", 12L), row("2026-09-15", "IA", 150L)));
    }

    private static ReportRun run(List<List<ReportCell>> rows) {
        return new ReportRun(new ReportInfo("p.weekly", "p", "Weekly", "By week"), "Signatures by week", List.of(
                ReportColumn.of("week", "Week", ColumnKind.TEXT), ReportColumn.of("state", "State", ColumnKind.TEXT),
                ReportColumn.of("signatures", "Signatures", ColumnKind.COUNT)), rows, List.of(LINE, BAR), List.of(),
                FILTER, Instant.parse("2026-09-22T00:00:00Z"), true, 10);
    }

    private static List<ReportCell> row(String week, String state, long signatures) {
        return List.of(text(week), text(state), new ReportCell(signatures, null));
    }

    private static ReportCell text(String value) {
        return new ReportCell(value, null);
    }
}
