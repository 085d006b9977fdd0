package org.grassroots.plugins.statereports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.crm.plugin.api.reports.AreaFigure;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.testing.FixedStatsQuery;
import org.grassroots.crm.plugin.api.testing.InMemoryPluginSettings;
import org.junit.jupiter.api.Test;

class StateDrillDownTest {

    private static final StatsFilter OCTOBER =
            new StatsFilter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 7L, null, null);

    private final FixedStatsQuery stats = new FixedStatsQuery();
    private final StatesReport report = new StatesReport(stats, new InMemoryPluginSettings());

    @Test
    void aStateShowsItsTopZipCodesThenItsTopCities() {
        stats.topAreas("IA", AreaFigure.Kind.ZIP,
                List.of(new AreaFigure("50309", 40, 12), new AreaFigure("52240", 55, 3)));
        stats.topAreas("IA", AreaFigure.Kind.CITY, List.of(new AreaFigure("Des Moines", 120, 30)));

        ReportTable table = report.drillDown("ia", OCTOBER).orElseThrow();

        assertThat(table.title()).isEqualTo("Iowa: top ZIP codes and cities, 2026-10-01 to 2026-10-31");
        assertThat(table.columns()).extracting(ReportColumn::key)
                .containsExactly("areaKind", "area", "supporters", "signatures");
        assertThat(table.rows()).containsExactly(
                List.of("ZIP code", "52240", 55L, 3L),
                List.of("ZIP code", "50309", 40L, 12L),
                List.of("City", "Des Moines", 120L, 30L));
        assertThat(stats.filtersAsked()).containsOnly(OCTOBER);
    }

    @Test
    void showsAtMostFifteenOfEachKind() {
        List<AreaFigure> zips = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            zips.add(new AreaFigure("5%04d".formatted(i), 100 - i, 0));
        }
        stats.topAreas("NH", AreaFigure.Kind.ZIP, zips);

        ReportTable table = report.drillDown("NH", OCTOBER).orElseThrow();

        assertThat(table.rows()).hasSize(15);
        assertThat(table.rows().getLast()).containsExactly("ZIP code", "50014", 86L, 0L);
    }

    @Test
    void theTerritoriesRowPoolsTheTerritoriesAreas() {
        stats.topAreas("PR", AreaFigure.Kind.CITY, List.of(new AreaFigure("San Juan", 30, 4)));
        stats.topAreas("GU", AreaFigure.Kind.CITY, List.of(new AreaFigure("Dededo", 35, 1)));

        ReportTable table = report.drillDown(StatesReport.TERRITORIES, OCTOBER).orElseThrow();

        assertThat(table.rows()).containsExactly(List.of("City", "Dededo, GU", 35L, 1L),
                List.of("City", "San Juan, PR", 30L, 4L));
    }

    @Test
    void theTotalUnknownAndOtherRowsHaveNoDrillDown() {
        assertThat(report.drillDown(StatesReport.TOTAL, OCTOBER)).isEmpty();
        assertThat(report.drillDown(StatesReport.UNKNOWN, OCTOBER)).isEmpty();
        assertThat(report.drillDown("ZZ", OCTOBER)).isEmpty();
        assertThat(stats.filtersAsked()).isEmpty();
    }
}
