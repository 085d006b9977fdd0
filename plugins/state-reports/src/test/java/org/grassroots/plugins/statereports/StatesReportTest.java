package org.grassroots.plugins.statereports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.testing.InMemoryPluginSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StatesReportTest {

    private static final StatsFilter OCTOBER =
            new StatsFilter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null, null, null);

    private final PeriodStatsQuery stats = new PeriodStatsQuery(OCTOBER);
    private final InMemoryPluginSettings settings =
            new InMemoryPluginSettings("state-reports", new StateReportSettings().fields());
    private final StatesReport report = new StatesReport(stats, settings);

    PeriodStatsQuery fixture() {
        stats.current.byState(List.of(
                figures("IA", 500, 400, 50, 120, 20, "1000.00", 5, "12.5"),
                figures("CA", 3000, 2500, 300, 900, 100, "7500.50", 30, "80.25"),
                figures("TX", 1200, 1000, 120, 200, 10, "300.00", 8, "20.0"),
                figures("PR", 40, 30, 4, 8, 1, "25.00", 0, "0"),
                figures("GU", 10, 5, 1, 2, 0, "0", 0, "0"),
                figures("XX", 7, 2, 1, 0, 0, "0", 0, "0"),
                figures("AE", 3, 3, 0, 0, 0, "0", 0, "0")));
        stats.previous.byState(List.of(
                figures("IA", 400, 350, 40, 0, 10, "400.00", 2, "3.0"),
                figures("CA", 3000, 2400, 250, 1000, 90, "7000.00", 25, "70"),
                figures("PR", 20, 15, 2, 4, 0, "0", 0, "0")));
        return stats;
    }

    @Test
    void everyColumnOfAStateRow() {
        fixture().canSeeMoney(true);

        ReportTable table = report.run(OCTOBER);

        assertThat(table.title()).isEqualTo("Supporters by state, 2026-10-01 to 2026-10-31");
        assertThat(row(table, "IA")).containsExactly("★", "IA", "Iowa", 3_241_488L, 500L, decimal("1.54"),
                decimal("25.0"), 400L, 50L, decimal("25.0"), 120L, decimal("0.37"), null, 20L, decimal("1000.00"),
                decimal("50.00"), 5L, decimal("12.5"));
        assertThat(row(table, "CA")).containsExactly("", "CA", "California", 39_431_263L, 3000L, decimal("0.76"),
                decimal("0.0"), 2500L, 300L, decimal("20.0"), 900L, decimal("0.23"), decimal("-10.0"), 100L,
                decimal("7500.50"), decimal("75.01"), 30L, decimal("80.25"));
        assertThat(stats.byStateAsked()).containsExactly(OCTOBER, OCTOBER.previousPeriod());
    }

    @Test
    void noPreviousFiguresLeaveTheChangeEmpty() {
        fixture().canSeeMoney(true);

        ReportTable table = report.run(OCTOBER);

        assertThat(value(table, "TX", StateColumns.SUPPORTERS_CHANGE)).isNull();
        assertThat(value(table, "TX", StateColumns.NEW_SUPPORTERS_CHANGE)).isNull();
        assertThat(value(table, "TX", StateColumns.SIGNATURES_CHANGE)).isNull();
        assertThat(value(table, "TX", StateColumns.SUPPORTERS)).isEqualTo(1200L);
    }

    @Test
    void listsEveryStateAndDcWithZerosWhereThereIsNobody() {
        fixture();

        ReportTable table = report.run(OCTOBER);

        assertThat(table.rows()).hasSize(51 + 3);
        assertThat(row(table, "WY")).containsExactly("", "WY", "Wyoming", 587_618L, 0L, decimal("0.00"), null, 0L,
                0L, null, 0L, decimal("0.00"), null, 0L, null, null, 0L, BigDecimal.ZERO);
        assertThat(row(table, "DC").get(StateColumns.indexOf(StateColumns.NAME))).isEqualTo("District of Columbia");
    }

    @Test
    void focusStatesComeFirstInTheSettingsOrderThenTheRestBySupporters() {
        fixture();

        List<@Nullable Object> states = column(report.run(OCTOBER), StateColumns.STATE);

        assertThat(states.subList(0, 6)).containsExactly("IA", "NH", "NV", "SC", "CA", "TX");
        assertThat(states.get(6)).as("then the zeros by name").isEqualTo("AL");
        assertThat(states.subList(51, 54)).containsExactly(StatesReport.TERRITORIES, StatesReport.UNKNOWN,
                StatesReport.TOTAL);
        assertThat(column(report.run(OCTOBER), StateColumns.FOCUS).stream().filter("★"::equals)).hasSize(4);

        settings.set(StateReportSettings.FOCUS_STATES, "tx, ca");
        ReportTable refocused = report.run(OCTOBER);
        assertThat(column(refocused, StateColumns.STATE).subList(0, 3)).containsExactly("TX", "CA", "IA");
        assertThat(value(refocused, "IA", StateColumns.FOCUS)).isEqualTo("");
    }

    @Test
    void territoriesAreOneRowAndOtherCodesAreUnknown() {
        fixture().canSeeMoney(true);

        ReportTable table = report.run(OCTOBER);

        assertThat(column(table, StateColumns.STATE)).doesNotContain("PR", "GU", "XX", "AE");
        assertThat(row(table, StatesReport.TERRITORIES)).containsExactly("", "Territories",
                "Puerto Rico, Guam, U.S. Virgin Islands, American Samoa, Northern Mariana Islands", 3_541_316L, 50L,
                decimal("0.14"), decimal("150.0"), 35L, 5L, decimal("150.0"), 10L, decimal("0.03"), decimal("150.0"),
                1L, decimal("25.00"), decimal("25.00"), 0L, BigDecimal.ZERO);
        assertThat(row(table, StatesReport.UNKNOWN)).containsExactly("", "Unknown", "No known state", null, 10L,
                null, null, 5L, 1L, null, 0L, null, null, 0L, decimal("0"), null, 0L, BigDecimal.ZERO);
    }

    @Test
    void theUnknownRowIsLeftOutWhenEveryoneHasAState() {
        stats.current.byState(List.of(figures("IA", 5, 5, 5, 5, 0, "0", 0, "0")));

        assertThat(column(report.run(OCTOBER), StateColumns.STATE)).doesNotContain(StatesReport.UNKNOWN).hasSize(53);
    }

    @Test
    void theUnitedStatesRowAddsUpEveryRow() {
        fixture().canSeeMoney(true);

        ReportTable table = report.run(OCTOBER);

        assertThat(table.rows().getLast()).containsExactly("", "Total", "United States", 343_652_304L, 4760L,
                decimal("0.14"), decimal("39.2"), 3940L, 476L, decimal("63.0"), 1230L, decimal("0.04"),
                decimal("22.5"), 131L, decimal("8825.50"), decimal("67.37"), 43L, decimal("112.75"));
    }

    @Test
    void amountsAreEmptyForSomeoneWhoMayNotSeeMoney() {
        fixture().canSeeMoney(false);

        ReportTable table = report.run(OCTOBER);

        assertThat(column(table, StateColumns.DONATION_TOTAL)).containsOnlyNulls();
        assertThat(column(table, StateColumns.AVERAGE_GIFT)).containsOnlyNulls();
        assertThat(value(table, "IA", StateColumns.DONORS)).isEqualTo(20L);
        assertThat(table.footnotes()).contains("Donations and average gift are shown only to fundraisers and admins.");
    }

    @Test
    void columnKindsLetCoreProtectTheNumbers() {
        List<ReportColumn> columns = report.run(OCTOBER).columns();

        List<String> describingPeople = List.of(StateColumns.DONATION_TOTAL, StateColumns.AVERAGE_GIFT,
                StateColumns.VOLUNTEER_HOURS);
        for (ReportColumn column : columns) {
            if (column.kind() == ColumnKind.RATE || column.kind() == ColumnKind.PERCENT
                    || describingPeople.contains(column.key())) {
                assertThat(columns).as(column.key() + " derives from a count")
                        .anyMatch(other -> other.key().equals(column.derivedFrom())
                                && other.kind() == ColumnKind.COUNT);
            } else {
                assertThat(column.derivedFrom()).as(column.key()).isNull();
            }
        }
        assertThat(columns.get(StateColumns.indexOf(StateColumns.AVERAGE_GIFT)).derivedFrom())
                .as("an average gift beside a masked donor count would give the count away")
                .isEqualTo(StateColumns.DONORS);
        assertThat(columns.get(StateColumns.indexOf(StateColumns.VOLUNTEER_HOURS)).derivedFrom())
                .isEqualTo(StateColumns.ACTIVE_VOLUNTEERS);
        assertThat(columns).filteredOn(column -> column.kind() == ColumnKind.MONEY).extracting(ReportColumn::key)
                .containsExactly(StateColumns.DONATION_TOTAL, StateColumns.AVERAGE_GIFT);
        assertThat(columns.get(StateColumns.indexOf(StateColumns.VOLUNTEER_HOURS)).kind())
                .isEqualTo(ColumnKind.DECIMAL);
    }

    @Test
    void chartsAMapAndBarsOfTheChosenColumn() {
        assertThat(report.run(OCTOBER).charts()).containsExactly(
                new ChartSpec(ChartSpec.Kind.US_STATE_MAP, "state", List.of("supportersPer10k"), null),
                new ChartSpec(ChartSpec.Kind.BAR, "state", List.of("supportersPer10k"), null));

        settings.set(StateReportSettings.MAP_MEASURE, "Signatures in the period");

        assertThat(report.run(OCTOBER).charts()).extracting(ChartSpec::valueColumns)
                .containsOnly(List.of("signatures"));
    }

    @Test
    void footnotesNameTheCensusSourceAndYearAndThePreviousPeriod() {
        StatsFilter petition = new StatsFilter(OCTOBER.from(), OCTOBER.to(), 42L, "volunteer", null);
        PeriodStatsQuery petitionStats = new PeriodStatsQuery(petition);

        List<String> notes = new StatesReport(petitionStats, settings).run(petition).footnotes();

        assertThat(notes.getFirst()).contains("Vintage 2024", "July 1, 2024", "NST-EST2024-POP",
                "2020 Island Areas Censuses", "April 1, 2020", "Guam");
        assertThat(notes).anyMatch(note -> note.contains("2026-08-31 to 2026-09-30"))
                .anyMatch(note -> note.contains("petition #42") && note.contains("tagged \"volunteer\""))
                .anyMatch(note -> note.contains("★ marks the focus states (IA, NH, NV, SC)"));
    }

    @Test
    void anInvalidStoredFocusListNamesTheSetting() {
        settings.set(StateReportSettings.FOCUS_STATES, "IA, ZZ");

        assertThatThrownBy(() -> report.run(OCTOBER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Focus states").hasMessageContaining("ZZ");
    }

    static StateFigures figures(String state, long supporters, long subscribed, long newSupporters, long signatures,
            long donors, String donationTotal, long activeVolunteers, String hours) {
        return new StateFigures(state, supporters, subscribed, newSupporters, signatures, donors,
                new BigDecimal(donationTotal), activeVolunteers, new BigDecimal(hours));
    }

    private static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }

    static List<@Nullable Object> row(ReportTable table, String state) {
        int column = StateColumns.indexOf(StateColumns.STATE);
        return table.rows().stream().filter(row -> state.equals(row.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("No row " + state));
    }

    private static @Nullable Object value(ReportTable table, String state, String column) {
        return row(table, state).get(StateColumns.indexOf(column));
    }

    private static List<@Nullable Object> column(ReportTable table, String key) {
        int column = StateColumns.indexOf(key);
        return table.rows().stream().map(row -> row.get(column)).toList();
    }
}
