package org.grassroots.crm.reports.internal;

import static org.grassroots.crm.reports.internal.StatsPopulation.sql;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.crm.plugin.api.reports.Measure;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Weekly series of the report figures: from the rollups (stats_cohort, stats_weekly_active, stats_daily) for
 * everyone or one source, from the population's rows of stats_person (their day arrays unnested) under a tag or
 * petition filter. Definitions: docs/plugins/ports/StatsQuery.md.
 */
@Component
public class StatsWeeklyQueries {

    private final JdbcClient jdbc;

    StatsWeeklyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The series of one measure per state for every week (Monday to Sunday) overlapping the period, whole weeks;
     * states with a non-zero value in some week get a row for every week.
     */
    public List<WeekValue> weekly(StatsFilter filter, Measure measure) {
        Optional<StatsPopulation> population = StatsPopulation.of(jdbc, filter);
        if (population.isEmpty()) {
            return List.of();
        }
        StatsPopulation who = population.get();
        LocalDate first = filter.from().with(DayOfWeek.MONDAY);
        LocalDate last = filter.to().with(DayOfWeek.MONDAY);
        String perWeek = who.narrowsPeople() ? perPersonWeekly(who, measure) : rollupWeekly(who, measure);
        String cumulative = measure == Measure.SUPPORTERS || measure == Measure.SUBSCRIBED
                ? "sum(coalesce(p.n, 0)) OVER (PARTITION BY s.state ORDER BY w.week)" : "coalesce(p.n, 0)";
        Map<String, Object> params = who.params(filter);
        params.put("first", Date.valueOf(first));
        params.put("last", Date.valueOf(last));
        return sql(jdbc, "WITH per AS (" + perWeek + "),"
                        + " states AS (SELECT DISTINCT state FROM per WHERE n <> 0),"
                        + " weeks AS (SELECT d::date AS week"
                        + " FROM generate_series(:first::timestamp, :last::timestamp, interval '7 days') d)"
                        + " SELECT w.week, s.state, " + cumulative + " AS value"
                        + " FROM states s CROSS JOIN weeks w LEFT JOIN per p ON p.state = s.state AND p.week = w.week"
                        + " ORDER BY w.week, s.state")
                .params(params)
                .query((rs, row) -> new WeekValue(rs.getDate(1).toLocalDate(), rs.getString(2),
                        rs.getBigDecimal(3)))
                .list();
    }

    /** (state, week, n) of one measure for a population narrowed by tag or petition, from its people's rows. */
    private static String perPersonWeekly(StatsPopulation who, Measure measure) {
        String inWeeks = " BETWEEN :first AND :last + 6";
        return switch (measure) {
            case SUPPORTERS, SUBSCRIBED, NEW_SUPPORTERS -> people(who, measure, "stats_person", "count(*)");
            case DONORS, ACTIVE_VOLUNTEERS -> "SELECT state, " + StatsRebuild.weekOf("d")
                    + " AS week, count(DISTINCT person_id)::numeric AS n FROM stats_person,"
                    + " unnest(" + (measure == Measure.DONORS ? "gift_days" : "volunteer_days") + ") AS d"
                    + " WHERE d" + inWeeks + who.condition() + " GROUP BY 1, 2";
            case SIGNATURES -> who.petitionId() == null
                    ? "SELECT state, " + StatsRebuild.weekOf("d") + " AS week, count(*)::numeric AS n"
                            + " FROM stats_person, unnest(signature_days) AS d WHERE d" + inWeeks + who.condition()
                            + " GROUP BY 1, 2"
                    : "SELECT state, " + StatsRebuild.weekOf("d") + " AS week, count(*)::numeric AS n"
                            + " FROM (SELECT state, signed_on[array_position(signed_petitions, :petition)] AS d"
                            + " FROM stats_person WHERE TRUE" + who.condition() + ") s WHERE d" + inWeeks
                            + " GROUP BY 1, 2";
            case DONATION_TOTAL, VOLUNTEER_HOURS -> {
                String days = measure == Measure.DONATION_TOTAL ? "gift_days" : "volunteer_days";
                String running = measure == Measure.DONATION_TOTAL ? "gift_cents" : "volunteer_hours";
                yield "SELECT state, " + StatsRebuild.weekOf("a.d") + " AS week,"
                        + " sum(a.running - coalesce(" + running + "[a.i - 1], 0)) / 100.0 AS n"
                        + " FROM stats_person, unnest(" + days + ", " + running + ") WITH ORDINALITY AS a(d, running, i)"
                        + " WHERE a.d" + inWeeks + who.condition() + " GROUP BY 1, 2";
            }
        };
    }

    /** (state, week, n) of one measure for everyone or one source, from the rollups. */
    private static String rollupWeekly(StatsPopulation who, Measure measure) {
        return switch (measure) {
            case SUPPORTERS, SUBSCRIBED, NEW_SUPPORTERS -> people(who, measure, "stats_cohort", "sum(people)");
            case DONORS, ACTIVE_VOLUNTEERS -> "SELECT state, week, sum(people)::numeric AS n FROM stats_weekly_active"
                    + " WHERE kind = " + (measure == Measure.DONORS ? FactKind.GIFT : FactKind.HOURS).code()
                    + " AND week >= :first AND week <= :last" + who.condition() + " GROUP BY 1, 2";
            case SIGNATURES, DONATION_TOTAL, VOLUNTEER_HOURS -> {
                FactKind kind = measure == Measure.SIGNATURES ? FactKind.SIGNATURE
                        : measure == Measure.DONATION_TOTAL ? FactKind.GIFT : FactKind.HOURS;
                String value = kind == FactKind.SIGNATURE ? "sum(value)::numeric" : "sum(value) / 100.0";
                yield "SELECT state, " + StatsRebuild.weekOf("day") + " AS week, " + value + " AS n FROM stats_daily"
                        + " WHERE kind = " + kind.code() + " AND day >= :first AND day <= :last + 6" + who.condition()
                        + " GROUP BY 1, 2";
            }
        };
    }

    /** People created per week (new supporters), or counted from the first week on (supporters, subscribed). */
    private static String people(StatsPopulation who, Measure measure, String table, String count) {
        if (measure == Measure.NEW_SUPPORTERS) {
            return "SELECT state, " + StatsRebuild.weekOf("created_on") + " AS week, " + count + "::numeric AS n"
                    + " FROM " + table + " WHERE created_on >= :first AND created_on <= :last + 6" + who.condition()
                    + " GROUP BY 1, 2";
        }
        return "SELECT state, greatest(" + StatsRebuild.weekOf("created_on") + ", :first) AS week, " + count
                + "::numeric AS n FROM " + table + " WHERE created_on <= :last + 6"
                + (measure == Measure.SUBSCRIBED ? " AND subscribed" : "") + who.condition() + " GROUP BY 1, 2";
    }

    /** One point of a weekly series. */
    public record WeekValue(LocalDate weekStart, String state, BigDecimal value) {
    }
}
