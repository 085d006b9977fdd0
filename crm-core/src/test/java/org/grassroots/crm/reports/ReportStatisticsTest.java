package org.grassroots.crm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.as;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.grassroots.crm.plugin.api.reports.AreaFigure;
import org.grassroots.crm.plugin.api.reports.Measure;
import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.reports.WeeklyFigure;
import org.grassroots.crm.reports.internal.StatsRebuild;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every figure of byState, weekly and topAreas, for several filters and their previous periods, equals a plain count
 * over the base tables ({@link ReferenceFigures}) after a refresh; money follows the signed-in user's roles.
 */
@SpringBootTest
class ReportStatisticsTest {

    private static final LocalDate YEAR_START = LocalDate.of(2025, 1, 1);
    private static final LocalDate YEAR_END = LocalDate.of(2025, 12, 31);
    private static final RecursiveComparisonConfiguration NUMBERS = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build();

    @Autowired
    ReportStatistics stats;

    @Autowired
    StatsRebuild rebuild;

    @Autowired
    StatsRefreshService refreshes;

    @Autowired
    JdbcClient jdbc;

    ReferenceFigures reference;
    long petitionA;
    long petitionB;

    @BeforeEach
    void setUp() {
        long[] petitions = new StatsSeed(jdbc).seed();
        petitionA = petitions[0];
        petitionB = petitions[1];
        reference = new ReferenceFigures(jdbc);
        rebuild.rebuild();
    }

    List<StatsFilter> filters() {
        StatsFilter year = new StatsFilter(YEAR_START, YEAR_END, null, null, null);
        StatsFilter all = new StatsFilter(YEAR_START, YEAR_END, petitionB, StatsSeed.RED, StatsSeed.WEB);
        return List.of(year, year.previousPeriod(),
                new StatsFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), null, null, null),
                new StatsFilter(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), null, null, null),
                new StatsFilter(YEAR_START, YEAR_END, petitionA, null, null),
                new StatsFilter(YEAR_START, YEAR_END, petitionB, null, null),
                new StatsFilter(YEAR_START, YEAR_END, null, StatsSeed.BLUE, null),
                new StatsFilter(YEAR_START, YEAR_END, null, null, StatsSeed.WEB),
                new StatsFilter(YEAR_START, YEAR_END, null, StatsSeed.RED, StatsSeed.WEB),
                all, all.previousPeriod());
    }

    @Test
    void everyStateFigureEqualsAPlainCountOverTheBaseTables() {
        for (StatsFilter filter : filters()) {
            List<StateFigures> expected = reference.byState(filter, true);
            List<StateFigures> actual = as(Role.FUNDRAISER, () -> stats.byState(filter));
            assertThat(actual).as("byState %s", filter).usingRecursiveFieldByFieldElementComparator(NUMBERS)
                    .containsExactlyElementsOf(expected);
        }
        List<StateFigures> year = reference.byState(filters().getFirst(), true);
        assertThat(year).extracting(StateFigures::state).contains("XX", "PR", "TX", "CA", "NY", "IA");
        assertThat(year).allSatisfy(f -> assertThat(f.supporters()).isGreaterThan(0));
        assertThat(year).anySatisfy(f -> {
            assertThat(f.subscribed()).isPositive();
            assertThat(f.newSupporters()).isPositive();
            assertThat(f.signatures()).isPositive();
            assertThat(f.donors()).isPositive();
            assertThat(f.donationTotal()).isPositive();
            assertThat(f.activeVolunteers()).isPositive();
            assertThat(f.volunteerHours()).isPositive();
        });
        StatsFilter all = filters().get(9);
        assertThat(reference.byState(all, true)).anySatisfy(f -> assertThat(f.signatures()).isPositive());
    }

    @Test
    void everyWeeklyPointEqualsAPlainCountOverTheBaseTables() {
        // the rollups (no filter, a source) and the per-person rows (tag, petition, both)
        List<StatsFilter> filters = List.of(filters().getFirst(), filters().get(9), filters().get(3), filters().get(4),
                filters().get(6), filters().get(7));
        for (StatsFilter filter : filters) {
            for (Measure measure : Measure.values()) {
                List<WeeklyFigure> expected = reference.weekly(filter, measure);
                List<WeeklyFigure> actual = as(Role.ADMIN, () -> stats.weekly(filter, measure));
                assertThat(actual).as("weekly %s %s", measure, filter)
                        .usingRecursiveFieldByFieldElementComparator(NUMBERS).containsExactlyElementsOf(expected);
                if (filter == filters.getFirst()) {
                    assertThat(expected).as("%s has data", measure).anySatisfy(w -> assertThat(w.value()).isPositive());
                }
            }
        }
    }

    @Test
    void topAreasEqualPlainCounts() {
        for (StatsFilter filter : List.of(filters().getFirst(), filters().get(4), filters().get(6), filters().get(9))) {
            for (String state : List.of("TX", "PR", "IA")) {
                for (AreaFigure.Kind kind : AreaFigure.Kind.values()) {
                    List<AreaFigure> expected = reference.topAreas(state, kind, filter, 3);
                    assertThat(stats.topAreas(state, kind, filter, 3)).as("%s %s %s", state, kind, filter)
                            .containsExactlyElementsOf(expected);
                }
            }
        }
        assertThat(reference.topAreas("TX", AreaFigure.Kind.ZIP, filters().getFirst(), 3)).hasSize(3)
                .anySatisfy(a -> assertThat(a.signatures()).isPositive());
    }

    @Test
    void moneyOnlyForFundraisersAndAdmins() {
        StatsFilter year = filters().getFirst();
        for (Role role : List.of(Role.ANALYST, Role.ORGANIZER, Role.VOLUNTEER_COORDINATOR)) {
            assertThat(as(role, () -> stats.canSeeMoney())).isFalse();
            assertThat(as(role, () -> stats.byState(year))).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.donationTotal()).isNull());
            assertThatThrownBy(() -> as(role, () -> stats.weekly(year, Measure.DONATION_TOTAL)))
                    .isInstanceOf(SecurityException.class);
            assertThat(as(role, () -> stats.weekly(year, Measure.DONORS))).isNotEmpty();
        }
        assertThat(stats.byState(year)).allSatisfy(f -> assertThat(f.donationTotal()).isNull());
        for (Role role : List.of(Role.FUNDRAISER, Role.ADMIN)) {
            assertThat(as(role, () -> stats.byState(year))).anySatisfy(f -> assertThat(f.donationTotal()).isPositive());
            assertThat(as(role, () -> stats.weekly(year, Measure.DONATION_TOTAL))).isNotEmpty();
        }
    }

    @Test
    void aRefreshMakesNewDataVisible() {
        StatsFilter today = new StatsFilter(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), null,
                null, null);
        long before = supporters(today, "WY");
        jdbc.sql("INSERT INTO person (first_name, last_name, state, source) VALUES ('Stats', 'Late', 'WY', 'stx-late')")
                .update();
        assertThat(supporters(today, "WY")).isEqualTo(before);
        var previous = refreshes.lastRefresh().orElseThrow();

        StatsRefreshStatus status = rebuild.rebuild();

        assertThat(supporters(today, "WY")).isEqualTo(before + 1);
        assertThat(refreshes.lastRefresh()).contains(status);
        assertThat(status.refreshedAt()).isAfterOrEqualTo(previous.refreshedAt());
        assertThat(status.people()).isEqualTo(jdbc.sql(
                "SELECT count(*) FROM person WHERE merged_into_id IS NULL AND erased_at IS NULL")
                .query(Long.class).single());
    }

    @Test
    void anUnknownTagMatchesNobody() {
        assertThat(stats.byState(new StatsFilter(YEAR_START, YEAR_END, null, "stx-no-such-tag", null))).isEmpty();
    }

    private long supporters(StatsFilter filter, String state) {
        return stats.byState(filter).stream().filter(f -> f.state().equals(state))
                .mapToLong(StateFigures::supporters).sum();
    }
}
