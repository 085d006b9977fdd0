package org.grassroots.crm.reports.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.grassroots.crm.plugin.api.reports.AreaFigure;
import org.grassroots.crm.plugin.api.reports.Measure;
import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report figures, read from the statistics tables StatsRebuild maintains (never from the base tables). A tag or
 * petition filter narrows the population to some people: then every figure is one pass over their rows of
 * stats_person, counting activity in the period from the sorted day arrays with width_bucket (a binary search).
 * Without one, the rollups answer (stats_cohort, stats_active, stats_daily, stats_weekly_active). Every figure is
 * defined in docs/plugins/ports/StatsQuery.md; docs/adr/0013-report-statistics-per-person-activity.md explains the
 * shape.
 */
@Component
public class StatsQueries {

    private static final Pattern DATE_PARAMETER = Pattern.compile(":(from|to|before|first|last)\\b");

    private final JdbcClient jdbc;

    StatsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The statement with its date parameters typed, so {@code :to + 6} is date arithmetic. */
    private JdbcClient.StatementSpec sql(String sql) {
        return jdbc.sql(DATE_PARAMETER.matcher(sql).replaceAll("CAST(:$1 AS date)"));
    }

    /** Elements of a sorted day array within the period, as a count expression (null when the array is). */
    private static String inPeriod(String days) {
        return "(width_bucket(:to, " + days + ") - width_bucket(:before, " + days + "))";
    }

    /** The growth of a running total over the period: its value at {@code to} minus its value before {@code from}. */
    private static String growth(String days, String running) {
        return "(" + running + "[width_bucket(:to, " + days + ")] - coalesce(" + running + "[width_bucket(:before, "
                + days + ")], 0))";
    }

    /** The signatures of one person in the period (only the petition's when the filter names one). */
    private static String signatures(Population who) {
        return who.petitionId() == null
                ? "coalesce(sum(" + inPeriod("signature_days") + "), 0)"
                : "count(*) FILTER (WHERE signed_on[array_position(signed_petitions, :petition)]"
                        + " BETWEEN :from AND :to)";
    }

    /** The figures per state; {@code donationTotal} is filled only when {@code withMoney}. */
    public List<StateFigures> byState(StatsFilter filter, boolean withMoney) {
        Optional<Population> population = population(filter);
        if (population.isEmpty()) {
            return List.of();
        }
        Population who = population.get();
        Map<String, Object> params = who.params(filter);
        Map<String, long[]> byState = new TreeMap<>();
        if (who.narrowsPeople()) {
            sql("SELECT state, count(*) FILTER (WHERE created_on <= :to),"
                    + " count(*) FILTER (WHERE created_on <= :to AND subscribed),"
                    + " count(*) FILTER (WHERE created_on >= :from AND created_on <= :to), " + signatures(who) + ","
                    + " count(*) FILTER (WHERE " + inPeriod("gift_days") + " > 0),"
                    + " coalesce(sum(" + growth("gift_days", "gift_cents") + "), 0),"
                    + " count(*) FILTER (WHERE " + inPeriod("volunteer_days") + " > 0),"
                    + " coalesce(sum(" + growth("volunteer_days", "volunteer_hours") + "), 0)"
                    + " FROM stats_person WHERE TRUE" + who.condition() + " GROUP BY state")
                    .params(params)
                    .query((RowCallbackHandler) rs -> {
                        long[] row = figures(byState, rs.getString(1));
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getLong(i + 2);
                        }
                    });
        } else {
            sql("SELECT state, sum(people) FILTER (WHERE created_on <= :to),"
                    + " sum(people) FILTER (WHERE created_on <= :to AND subscribed),"
                    + " sum(people) FILTER (WHERE created_on >= :from AND created_on <= :to)"
                    + " FROM stats_cohort WHERE TRUE" + who.condition() + " GROUP BY state")
                    .params(params)
                    .query((RowCallbackHandler) rs -> fill(figures(byState, rs.getString(1)), rs, 0, 1, 2));
            sql("SELECT state, count(*) FILTER (WHERE " + inPeriod("gift_days") + " > 0),"
                    + " count(*) FILTER (WHERE " + inPeriod("volunteer_days") + " > 0)"
                    + " FROM stats_active WHERE TRUE" + who.condition() + " GROUP BY state")
                    .params(params)
                    .query((RowCallbackHandler) rs -> fill(figures(byState, rs.getString(1)), rs, 4, 6));
            sql("SELECT state, " + sumOfKind(FactKind.SIGNATURE) + ", " + sumOfKind(FactKind.GIFT) + ", "
                    + sumOfKind(FactKind.HOURS) + " FROM stats_daily WHERE day >= :from AND day <= :to"
                    + who.condition() + " GROUP BY state")
                    .params(params)
                    .query((RowCallbackHandler) rs -> fill(figures(byState, rs.getString(1)), rs, 3, 5, 7));
        }
        List<StateFigures> figures = new ArrayList<>();
        byState.forEach((state, f) -> {
            if (f[0] != 0 || f[2] != 0 || f[3] != 0 || f[4] != 0 || f[5] != 0 || f[6] != 0 || f[7] != 0) {
                figures.add(new StateFigures(state, f[0], f[1], f[2], f[3], f[4],
                        withMoney ? hundredths(f[5]) : null, f[6], hundredths(f[7])));
            }
        });
        return figures;
    }

    /** supporters, subscribed, new, signatures, donors, cents, active volunteers, hundredths of hours. */
    private static long[] figures(Map<String, long[]> byState, String state) {
        return byState.computeIfAbsent(state, s -> new long[8]);
    }

    /** Copies the result columns after the state into the figures at the given positions, in order. */
    private static void fill(long[] figures, ResultSet rs, int... positions) throws SQLException {
        for (int i = 0; i < positions.length; i++) {
            figures[positions[i]] = rs.getLong(i + 2);
        }
    }

    private static String sumOfKind(FactKind kind) {
        return "coalesce(sum(value) FILTER (WHERE kind = " + kind.code() + "), 0)";
    }

    /**
     * The series of one measure per state for every week (Monday to Sunday) overlapping the period, whole weeks;
     * states with a non-zero value in some week get a row for every week.
     */
    public List<WeekValue> weekly(StatsFilter filter, Measure measure) {
        Optional<Population> population = population(filter);
        if (population.isEmpty()) {
            return List.of();
        }
        Population who = population.get();
        LocalDate first = filter.from().with(DayOfWeek.MONDAY);
        LocalDate last = filter.to().with(DayOfWeek.MONDAY);
        String perWeek = who.narrowsPeople() ? perPersonWeekly(who, measure) : rollupWeekly(who, measure);
        String cumulative = measure == Measure.SUPPORTERS || measure == Measure.SUBSCRIBED
                ? "sum(coalesce(p.n, 0)) OVER (PARTITION BY s.state ORDER BY w.week)" : "coalesce(p.n, 0)";
        Map<String, Object> params = who.params(filter);
        params.put("first", Date.valueOf(first));
        params.put("last", Date.valueOf(last));
        return sql("WITH per AS (" + perWeek + "),"
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
    private static String perPersonWeekly(Population who, Measure measure) {
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
    private static String rollupWeekly(Population who, Measure measure) {
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
    private static String people(Population who, Measure measure, String table, String count) {
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

    /** The ZIP codes or cities of a state with the most supporters matching the filter, most first. */
    public List<AreaFigure> topAreas(String state, AreaFigure.Kind kind, StatsFilter filter, int limit) {
        Optional<Population> population = population(filter);
        if (population.isEmpty() || limit <= 0) {
            return List.of();
        }
        Population who = population.get();
        String area = kind == AreaFigure.Kind.ZIP ? "zip5" : "city";
        Map<String, Object> params = who.params(filter);
        params.put("state", state);
        params.put("limit", limit);
        return sql("SELECT " + area + ", count(*) FILTER (WHERE created_on <= :to) AS supporters, " + signatures(who)
                        + " FROM stats_person WHERE state = :state AND " + area + " IS NOT NULL" + who.condition()
                        + " GROUP BY 1 HAVING count(*) FILTER (WHERE created_on <= :to) > 0"
                        + " ORDER BY 2 DESC, 1 LIMIT :limit")
                .params(params)
                .query((rs, row) -> new AreaFigure(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** The population the filter names, or empty when it names a tag that does not exist (nobody holds it). */
    private Optional<Population> population(StatsFilter filter) {
        Long tagId = null;
        if (filter.tag() != null) {
            Optional<Long> tag = jdbc.sql("SELECT id FROM tag WHERE name = ?").param(filter.tag())
                    .query(Long.class).optional();
            if (tag.isEmpty()) {
                return Optional.empty();
            }
            tagId = tag.get();
        }
        return Optional.of(new Population(filter.petitionId(), tagId, filter.source()));
    }

    private static BigDecimal hundredths(long value) {
        return BigDecimal.valueOf(value, 2);
    }

    /** Who is counted: the signers of a petition, holders of a tag, people of a source, each optional. */
    private record Population(@Nullable Long petitionId, @Nullable Long tagId, @Nullable String source) {

        /** A tag or petition picks people out, which the rollups (by state and source only) cannot. */
        boolean narrowsPeople() {
            return petitionId != null || tagId != null;
        }

        /** The population as conditions on stats_person (only source applies to the rollups). */
        String condition() {
            return (source == null ? "" : " AND source = :source")
                    + (tagId == null ? "" : " AND tag_ids @> ARRAY[:tag]::bigint[]")
                    + (petitionId == null ? "" : " AND signed_petitions @> ARRAY[:petition]::bigint[]");
        }

        Map<String, Object> params(StatsFilter filter) {
            Map<String, Object> params = new java.util.HashMap<>();
            params.put("from", Date.valueOf(filter.from()));
            params.put("to", Date.valueOf(filter.to()));
            params.put("before", Date.valueOf(filter.from().minusDays(1)));
            if (petitionId != null) {
                params.put("petition", petitionId);
            }
            if (tagId != null) {
                params.put("tag", tagId);
            }
            if (source != null) {
                params.put("source", source);
            }
            return params;
        }
    }
}
