package org.grassroots.crm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.internal.ReportProtection;
import org.junit.jupiter.api.Test;

class ReportProtectionTest {

    static final StatsFilter FILTER = new StatsFilter(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 29), null,
            null, null);
    static final ReportInfo INFO = new ReportInfo("fake.fixed-states", "fake", "Fixed", "Fixed numbers");
    static final Instant AT = Instant.parse("2026-11-23T08:40:00Z");

    static ReportRun protect(boolean money, boolean masks, int threshold) {
        return new ReportProtection(money, masks, threshold).apply(INFO,
                new FixedStateReport().run(FILTER), FILTER, AT);
    }

    static List<ReportCell> row(ReportRun run, String state) {
        return run.rows().stream().filter(r -> state.equals(r.get(0).value())).findFirst().orElseThrow();
    }

    static ReportCell cell(ReportRun run, String state, String column) {
        return row(run, state).get(run.indexOf(column));
    }

    @Test
    void moneyColumnsAreRemovedForThoseWhoMayNotSeeAmountsAndChartsLoseThem() {
        ReportRun hidden = protect(false, false, 10);
        ReportRun shown = protect(true, false, 10);

        assertThat(hidden.columns()).extracting(ReportColumn::key).doesNotContain("donations").contains("hours");
        assertThat(hidden.rows()).allSatisfy(r -> assertThat(r).hasSize(hidden.columns().size()));
        assertThat(hidden.chart(ChartSpec.Kind.BAR).orElseThrow().valueColumns()).containsExactly("signatures");
        assertThat(shown.indexOf("donations")).isEqualTo(6);
        assertThat(cell(shown, "IA", "donations").display(ColumnKind.MONEY)).isEqualTo("$45,210.75");
        assertThat(shown.chart(ChartSpec.Kind.BAR).orElseThrow().valueColumns())
                .containsExactly("signatures", "donations");
    }

    @Test
    void aChartLeftWithoutValuesIsDropped() {
        ReportTable table = new ReportTable("Money", List.of(ReportColumn.of("state", "State", ColumnKind.TEXT),
                ReportColumn.of("gifts", "Gifts", ColumnKind.MONEY)), List.of(List.of("IA", BigDecimal.TEN)),
                List.of(new ChartSpec(ChartSpec.Kind.BAR, "state", List.of("gifts"), null)), List.of());

        ReportRun run = new ReportProtection(false, true, 10).apply(INFO, table, FILTER, AT);

        assertThat(run.charts()).isEmpty();
        assertThat(run.columns()).hasSize(1);
    }

    @Test
    void smallCountsAndTheRatesDerivedFromThemAreMaskedWhenMasking() {
        ReportRun run = protect(true, true, 10);

        assertThat(cell(run, "NH", "supporters").isMasked()).isTrue();
        assertThat(cell(run, "NH", "supporters").value()).as("the number never leaves core").isNull();
        assertThat(cell(run, "NH", "supporters").display(ColumnKind.COUNT)).isEqualTo("<10");
        assertThat(cell(run, "NH", "per10k").display(ColumnKind.RATE)).isEqualTo("<10");
        assertThat(cell(run, "NH", "signatures").display(ColumnKind.COUNT)).isEqualTo("15");
        assertThat(cell(run, "NH", "change").display(ColumnKind.PERCENT)).isEqualTo("+3.1%");
        assertThat(cell(run, "NH", "hours").display(ColumnKind.DECIMAL)).as("DECIMAL is not protected")
                .isEqualTo("2.0");
        assertThat(cell(run, "VT", "supporters").display(ColumnKind.COUNT)).as("zero describes nobody")
                .isEqualTo("0");
        assertThat(cell(run, "VT", "signatures").display(ColumnKind.COUNT)).isEqualTo("<10");
        assertThat(cell(run, "VT", "change").display(ColumnKind.PERCENT)).as("even with no value").isEqualTo("<10");
        assertThat(cell(run, "IA", "supporters").display(ColumnKind.COUNT)).isEqualTo("1,234");
        assertThat(run.masking()).isTrue();
    }

    @Test
    void withoutMaskingEveryCountIsShown() {
        ReportRun run = protect(false, false, 10);

        assertThat(cell(run, "NH", "supporters").value()).isEqualTo(7L);
        assertThat(cell(run, "NH", "per10k").number()).contains(new BigDecimal("0.05"));
        assertThat(run.rows()).flatMap(r -> r).noneMatch(ReportCell::isMasked);
    }

    @Test
    void theThresholdIsConfigurable() {
        ReportRun run = protect(true, true, 20);

        assertThat(cell(run, "NH", "signatures").display(ColumnKind.COUNT)).isEqualTo("<20");
        assertThat(cell(run, "NH", "change").display(ColumnKind.PERCENT)).isEqualTo("<20");
        assertThat(cell(run, "=HYPERLINK(\"x\")", "supporters").display(ColumnKind.COUNT)).isEqualTo("<20");
        assertThat(cell(run, "IA", "supporters").display(ColumnKind.COUNT)).isEqualTo("1,234");
        assertThatThrownBy(() -> new ReportProtection(true, true, 0)).hasMessageContaining("at least 1");
    }

    @Test
    void aColumnDerivedFromAColumnTheTableLacksIsNamed() {
        ReportTable table = new ReportTable("Broken", List.of(ReportColumn.of("state", "State", ColumnKind.TEXT),
                new ReportColumn("rate", "Rate", ColumnKind.RATE, "nope")),
                List.of(List.of("IA", BigDecimal.ONE)), List.of(), List.of());

        assertThatThrownBy(() -> new ReportProtection(true, true, 10).apply(INFO, table, FILTER, AT))
                .hasMessageContaining("'rate' derives from 'nope'");
    }
}
