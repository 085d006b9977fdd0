package org.grassroots.crm.plugin.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.grassroots.crm.plugin.api.reports.AreaFigure;
import org.grassroots.crm.plugin.api.reports.Measure;
import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.reports.WeeklyFigure;
import org.junit.jupiter.api.Test;

class FixedStatsQueryTest {

    private static final StatsFilter JUNE = new StatsFilter(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30),
            null, null, null);
    private static final StateFigures TEXAS = new StateFigures("TX", 100, 80, 10, 50, 5, new BigDecimal("250.00"),
            3, new BigDecimal("12.5"));

    @Test
    void amountsOfMoneyNeedPermission() {
        FixedStatsQuery stats = new FixedStatsQuery().byState(List.of(TEXAS))
                .weekly(Measure.DONATION_TOTAL, List.of(new WeeklyFigure(LocalDate.of(2025, 6, 2), "TX",
                        BigDecimal.TEN)));

        assertThat(stats.byState(JUNE)).singleElement().satisfies(f -> {
            assertThat(f.donationTotal()).isNull();
            assertThat(f.supporters()).isEqualTo(100);
        });
        assertThatThrownBy(() -> stats.weekly(JUNE, Measure.DONATION_TOTAL)).isInstanceOf(SecurityException.class);

        stats.canSeeMoney(true);
        assertThat(stats.byState(JUNE).getFirst().donationTotal()).isEqualByComparingTo("250");
        assertThat(stats.weekly(JUNE, Measure.DONATION_TOTAL)).hasSize(1);
        assertThat(stats.filtersAsked()).hasSize(4);
    }

    @Test
    void weeksOutsideThePeriodAndSmallAreasAreLeftOut() {
        FixedStatsQuery stats = new FixedStatsQuery()
                .weekly(Measure.SIGNATURES, List.of(new WeeklyFigure(LocalDate.of(2025, 5, 26), "TX", BigDecimal.ONE),
                        new WeeklyFigure(LocalDate.of(2025, 6, 30), "TX", BigDecimal.TWO),
                        new WeeklyFigure(LocalDate.of(2025, 5, 19), "TX", BigDecimal.TEN)))
                .topAreas("TX", AreaFigure.Kind.ZIP, List.of(new AreaFigure("78701", 5, 1),
                        new AreaFigure("77001", 50, 9), new AreaFigure("75201", 20, 3)));

        assertThat(stats.weekly(JUNE, Measure.SIGNATURES)).extracting(WeeklyFigure::weekStart)
                .containsExactly(LocalDate.of(2025, 5, 26), LocalDate.of(2025, 6, 30));
        assertThat(stats.weekly(JUNE, Measure.DONORS)).isEmpty();
        assertThat(stats.topAreas("TX", AreaFigure.Kind.ZIP, JUNE, 2)).extracting(AreaFigure::area)
                .containsExactly("77001", "75201");
        assertThat(stats.topAreas("TX", AreaFigure.Kind.CITY, JUNE, 2)).isEmpty();
    }
}
