package org.grassroots.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.grassroots.crm.demo.DemoDataService;
import org.grassroots.crm.plugin.api.reports.AreaFigure;
import org.grassroots.crm.plugin.api.reports.Measure;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.ReportStatistics;
import org.grassroots.crm.reports.StatsRefreshStatus;
import org.grassroots.crm.reports.internal.StatsRebuild;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 7's targets at the size given by {@code crm.bench.supporters} (1.2M by default): demo data (supporters,
 * ~2.5 gifts each, one volunteer in twelve), plus ~4.2 petition signatures per supporter over 50 petitions and five
 * sources, added by set-based SQL; then the statistics refresh, byState for every kind of filter, weekly per measure
 * and topAreas through the real service, signed in as an admin. Baseline: the same state table for one year counted
 * by joining the base tables, as a report would without the statistics tables.
 * Run with {@code ./mvnw -Pbench verify -pl crm-core -am -Dtest=ReportStatsBenchmark}.
 */
@SpringBootTest(properties = "crm.stats.refresh-cron=-")
class ReportStatsBenchmark {

    @Autowired
    DemoDataService demoData;

    @Autowired
    ReportStatistics stats;

    @Autowired
    StatsRebuild rebuild;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    JdbcClient jdbc;

    @Test
    void stateReportsAtScale() {
        int supporters = Integer.getInteger("crm.bench.supporters", 1_200_000);
        Timings timings = new Timings("State reports statistics, " + String.format("%,d", supporters) + " people ("
                + Runtime.getRuntime().availableProcessors() + " cores)");
        DemoLoad.ensure(demoData, jdbc, supporters, timings);
        addReportFacts(timings);
        signInAsAdmin();

        long start = System.nanoTime();
        StatsRefreshStatus refreshed = rebuild.rebuild();
        timings.once(String.format("statistics refresh (%,d people; %s)", refreshed.people(), sizes()), "",
                (System.nanoTime() - start) / 1e6);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long petition = jdbc.sql("SELECT id FROM petition WHERE slug = 'bench-7'").query(Long.class).single();
        String tag = "climate";
        String source = "web";
        StatsFilter year = new StatsFilter(today.minusDays(364), today, null, null, null);
        StatsFilter all = new StatsFilter(year.from(), year.to(), petition, tag, source);

        timings.baseline("raw joins over the base tables: state table, one year, no filter", 1, 3,
                i -> assertThat(rawJoinStateTable(year)).isNotEmpty());
        byState(timings, "byState: one year, no filter", year);
        byState(timings, "byState: previous year (previousPeriod)", year.previousPeriod());
        byState(timings, "byState: one month, no filter", new StatsFilter(today.minusDays(29), today, null, null,
                null));
        byState(timings, "byState: three years, no filter", new StatsFilter(today.minusDays(3 * 365 - 1), today,
                null, null, null));
        byState(timings, "byState: one year, petition", new StatsFilter(year.from(), year.to(), petition, null,
                null));
        byState(timings, "byState: one year, tag", new StatsFilter(year.from(), year.to(), null, tag, null));
        byState(timings, "byState: one year, source", new StatsFilter(year.from(), year.to(), null, null, source));
        byState(timings, "byState: one year, petition + tag + source", all);
        byState(timings, "byState: three years, petition + tag + source", new StatsFilter(
                today.minusDays(3 * 365 - 1), today, petition, tag, source));
        byState(timings, "byState: three years, tag", new StatsFilter(today.minusDays(3 * 365 - 1), today, null,
                tag, null));
        for (Measure measure : Measure.values()) {
            timings.measure("weekly " + measure + ": one year, no filter", "< 1 s", 2, 10,
                    i -> assertThat(stats.weekly(year, measure)).isNotEmpty());
        }
        StatsFilter yearOfTag = new StatsFilter(year.from(), year.to(), null, tag, null);
        StatsFilter yearOfPetition = new StatsFilter(year.from(), year.to(), petition, null, null);
        for (Measure measure : List.of(Measure.SUPPORTERS, Measure.SIGNATURES, Measure.DONORS,
                Measure.DONATION_TOTAL)) {
            timings.measure("weekly " + measure + ": one year, tag", "< 1 s", 2, 10,
                    i -> assertThat(stats.weekly(yearOfTag, measure)).isNotEmpty());
            timings.measure("weekly " + measure + ": one year, petition", "< 1 s", 2, 10,
                    i -> assertThat(stats.weekly(yearOfPetition, measure)).isNotEmpty());
        }
        timings.measure("weekly SIGNATURES: one year, petition + tag + source", "< 1 s", 2, 10,
                i -> stats.weekly(all, Measure.SIGNATURES));
        timings.measure("weekly DONORS: one year, petition + tag + source", "< 1 s", 2, 10,
                i -> stats.weekly(all, Measure.DONORS));
        timings.measure("topAreas CA by ZIP: one year, no filter", "< 500 ms", 2, 10,
                i -> assertThat(stats.topAreas("CA", AreaFigure.Kind.ZIP, year, 10)).isNotEmpty());
        timings.measure("topAreas CA by city: one year, tag", "< 500 ms", 2, 10,
                i -> stats.topAreas("CA", AreaFigure.Kind.CITY, new StatsFilter(year.from(), year.to(), null, tag,
                        null), 10));
        timings.report();
    }

    private void byState(Timings timings, String name, StatsFilter filter) {
        timings.measure(name, "< 500 ms", 3, 20, i -> assertThat(stats.byState(filter)).isNotEmpty());
    }

    /**
     * Signatures (about 4.2 per supporter, 50 petitions, within a year of joining), five sources and a few people
     * without a state, written once per database by set-based SQL.
     */
    private void addReportFacts(Timings timings) {
        if (jdbc.sql("SELECT count(*) FROM petition WHERE slug = 'bench-1'").query(Long.class).single() > 0) {
            return;
        }
        long start = System.nanoTime();
        jdbc.sql("""
                UPDATE person SET source = (ARRAY['web', 'paper', 'event', 'import', 'demo'])[id % 5 + 1],
                                  state = CASE WHEN id % 97 = 0 THEN NULL ELSE state END
                """).update();
        jdbc.sql("""
                INSERT INTO petition (slug, title, created_by)
                SELECT 'bench-' || i, 'Benchmark petition ' || i, 'bench' FROM generate_series(1, 50) i
                """).update();
        jdbc.sql("""
                INSERT INTO signature (petition_id, person_id, signed_at, source)
                SELECT pet.id, p.id,
                       least(now(), p.created_at + ((p.id * 13 + k * 17) % 365) * INTERVAL '1 day'), 'Website'
                FROM person p
                CROSS JOIN LATERAL generate_series(0, (p.id * 7 % 9)::int - (CASE WHEN p.id % 6 = 0 THEN 0 ELSE 1 END))
                    AS k
                JOIN petition pet ON pet.slug = 'bench-' || (1 + (p.id * 31 + k * 7) % 50)
                ORDER BY pet.id, p.id
                """).update();
        jdbc.sql("ANALYZE").update();
        timings.once(String.format("report facts: %,d signatures, sources, %,d people without a state",
                jdbc.sql("SELECT count(*) FROM signature").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM person WHERE state IS NULL").query(Long.class).single()), "",
                (System.nanoTime() - start) / 1e6);
    }

    /** The state table of one year as a report would count it without the statistics tables. */
    private List<String> rawJoinStateTable(StatsFilter f) {
        String active = "p.merged_into_id IS NULL AND p.erased_at IS NULL";
        List<String> people = jdbc.sql("""
                SELECT concat_ws(' ', coalesce(p.state, 'XX'),
                       count(*) FILTER (WHERE (p.created_at AT TIME ZONE 'UTC')::date <= ?),
                       count(*) FILTER (WHERE (p.created_at AT TIME ZONE 'UTC')::date <= ? AND e.status = 'SUBSCRIBED'),
                       count(*) FILTER (WHERE (p.created_at AT TIME ZONE 'UTC')::date BETWEEN ? AND ?))
                FROM person p LEFT JOIN person_email e ON e.person_id = p.id AND e.is_primary
                WHERE %s GROUP BY coalesce(p.state, 'XX')
                """.formatted(active)).params(f.to(), f.to(), f.from(), f.to()).query(String.class).list();
        jdbc.sql("""
                SELECT coalesce(p.state, 'XX'), count(*) FROM signature s JOIN person p ON p.id = s.person_id
                WHERE %s AND s.signed_at >= ? AND s.signed_at < ? GROUP BY 1
                """.formatted(active)).params(f.from().atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(),
                f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime()).query().listOfRows();
        jdbc.sql("""
                SELECT coalesce(p.state, 'XX'), count(DISTINCT p.id), sum(d.amount) FILTER (WHERE d.currency = 'USD')
                FROM donation d JOIN person p ON p.id = d.person_id
                WHERE %s AND d.received_on BETWEEN ? AND ? GROUP BY 1
                """.formatted(active)).params(f.from(), f.to()).query().listOfRows();
        jdbc.sql("""
                SELECT coalesce(p.state, 'XX'), count(DISTINCT p.id),
                       sum(su.hours) FILTER (WHERE su.status = 'ATTENDED')
                FROM signup su JOIN shift sh ON sh.id = su.shift_id JOIN person p ON p.id = su.person_id
                WHERE %s AND su.status IN ('SIGNED_UP', 'CONFIRMED', 'ATTENDED')
                  AND sh.starts_at >= ? AND sh.starts_at < ? GROUP BY 1
                """.formatted(active)).params(f.from().atStartOfDay(), f.to().plusDays(1).atStartOfDay())
                .query().listOfRows();
        return people;
    }

    private String sizes() {
        return jdbc.sql("""
                SELECT format('stats_person %s MB, stats_cohort %s rows, stats_active %s rows, stats_daily %s rows,'
                              || ' stats_weekly_active %s rows',
                              pg_total_relation_size('stats_person') / 1048576, (SELECT count(*) FROM stats_cohort),
                              (SELECT count(*) FROM stats_active), (SELECT count(*) FROM stats_daily),
                              (SELECT count(*) FROM stats_weekly_active))
                """).query(String.class).single();
    }

    private void signInAsAdmin() {
        var admin = userDetails.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    }
}
