package org.grassroots.crm.reports.internal;

import java.math.BigDecimal;
import java.sql.Date;
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
 * The report figures, read from the statistics tables StatsRebuild maintains (never from the base tables). Distinct
 * counts come from one scan of stats_person; sums from stats_daily, or from stats_fact when a tag or petition narrows
 * the population (stats_daily does not carry them). Every figure is defined in docs/plugins/ports/StatsQuery.md.
 */
@Component
public class StatsQueries {

    private static final Pattern DATE_PARAMETER = Pattern.compile(":(from|to|first|last)\\b");

    private final JdbcClient jdbc;

    StatsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The statement with its date parameters typed, so {@code :to + 6} is date arithmetic. */
    private JdbcClient.StatementSpec sql(String sql) {
        return jdbc.sql(DATE_PARAMETER.matcher(sql).replaceAll("CAST(:$1 AS date)"));
    }

    /** The figures per state; {@code donationTotal} is filled only when {@code withMoney}. */
    public List<StateFigures> byState(StatsFilter filter, boolean withMoney) {
        Optional<Population> population = population(filter);
        if (population.isEmpty()) {
            return List.of();
        }
        Population who = population.get();
        Map<String, long[]> people = new TreeMap<>();
        sql("""
                SELECT state,
                       count(*) FILTER (WHERE created_on <= :to),
                       count(*) FILTER (WHERE created_on <= :to AND subscribed),
                       count(*) FILTER (WHERE created_on >= :from AND created_on <= :to),
                       count(*) FILTER (WHERE donation_days && daterange(:from, :to, '[]')),
                       count(*) FILTER (WHERE volunteer_days && daterange(:from, :to, '[]'))
                FROM stats_person WHERE TRUE""" + who.personCondition() + " GROUP BY state")
                .params(who.params(filter))
                .query((RowCallbackHandler) rs -> people.put(rs.getString(1),
                        new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)}));
        Map<String, long[]> sums = new TreeMap<>();
        sql("SELECT state, " + sumsByKind(who) + " FROM " + who.factTable()
                        + " WHERE day >= :from AND day <= :to" + who.factCondition() + " GROUP BY state")
                .params(who.params(filter))
                .query((RowCallbackHandler) rs -> sums.put(rs.getString(1),
                        new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}));
        List<StateFigures> figures = new ArrayList<>();
        TreeMap<String, Boolean> states = new TreeMap<>();
        people.keySet().forEach(state -> states.put(state, true));
        sums.keySet().forEach(state -> states.put(state, true));
        for (String state : states.keySet()) {
            long[] p = people.getOrDefault(state, new long[5]);
            long[] s = sums.getOrDefault(state, new long[3]);
            if (p[0] == 0 && p[2] == 0 && p[3] == 0 && p[4] == 0 && s[0] == 0 && s[1] == 0 && s[2] == 0) {
                continue;
            }
            figures.add(new StateFigures(state, p[0], p[1], p[2], s[0], p[3], withMoney ? hundredths(s[1]) : null,
                    p[4], hundredths(s[2])));
        }
        return figures;
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
        String perWeek = switch (measure) {
            case SUPPORTERS, SUBSCRIBED -> "SELECT state, greatest(" + StatsRebuild.weekOf("created_on")
                    + ", :first) AS week, count(*)::numeric AS n FROM stats_person WHERE created_on <= :last + 6"
                    + (measure == Measure.SUBSCRIBED ? " AND subscribed" : "") + who.personCondition()
                    + " GROUP BY 1, 2";
            case NEW_SUPPORTERS -> "SELECT state, " + StatsRebuild.weekOf("created_on")
                    + " AS week, count(*)::numeric AS n FROM stats_person"
                    + " WHERE created_on >= :first AND created_on <= :last + 6" + who.personCondition()
                    + " GROUP BY 1, 2";
            case DONORS, ACTIVE_VOLUNTEERS -> {
                String weeks = measure == Measure.DONORS ? "donation_weeks" : "volunteer_weeks";
                yield "SELECT state, w::date AS week, count(*)::numeric AS n FROM stats_person,"
                        + " unnest(" + weeks + " * datemultirange(daterange(:first, :last + 7))) AS r,"
                        + " generate_series(lower(r)::timestamp, (upper(r) - 7)::timestamp, interval '7 days') AS w"
                        + " WHERE " + weeks + " && daterange(:first, :last + 7)" + who.personCondition()
                        + " GROUP BY 1, 2";
            }
            case SIGNATURES, DONATION_TOTAL, VOLUNTEER_HOURS -> {
                FactKind kind = measure == Measure.SIGNATURES ? FactKind.SIGNATURE
                        : measure == Measure.DONATION_TOTAL ? FactKind.GIFT : FactKind.HOURS;
                String value = kind == FactKind.SIGNATURE ? "sum(value)::numeric" : "sum(value) / 100.0";
                String petition = kind == FactKind.SIGNATURE && who.petitionId() != null
                        ? " AND petition_id = :petition" : "";
                yield "SELECT state, " + StatsRebuild.weekOf("day") + " AS week, " + value + " AS n FROM "
                        + who.factTable() + " WHERE kind = " + kind.code() + " AND day >= :first AND day <= :last + 6"
                        + petition + who.factCondition() + " GROUP BY 1, 2";
            }
        };
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
        String petition = who.petitionId() == null ? "" : " AND p = :petition";
        Map<String, Object> params = who.params(filter);
        params.put("state", state);
        params.put("limit", limit);
        return sql("SELECT " + area + ", count(*) FILTER (WHERE created_on <= :to) AS supporters,"
                        + " coalesce(sum((SELECT count(*) FROM unnest(signed_petitions, signed_on) AS s(p, d)"
                        + " WHERE d >= :from AND d <= :to" + petition + ")), 0)"
                        + " FROM stats_person WHERE state = :state AND " + area + " IS NOT NULL"
                        + who.personCondition()
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

    private static String sumsByKind(Population who) {
        String signatures = who.petitionId() == null ? "" : " AND petition_id = :petition";
        return "coalesce(sum(value) FILTER (WHERE kind = " + FactKind.SIGNATURE.code() + signatures + "), 0),"
                + " coalesce(sum(value) FILTER (WHERE kind = " + FactKind.GIFT.code() + "), 0),"
                + " coalesce(sum(value) FILTER (WHERE kind = " + FactKind.HOURS.code() + "), 0)";
    }

    private static BigDecimal hundredths(long value) {
        return BigDecimal.valueOf(value, 2);
    }

    /** Who is counted: the signers of a petition, holders of a tag, people of a source, each optional. */
    private record Population(@Nullable Long petitionId, @Nullable Long tagId, @Nullable String source) {

        /** stats_daily answers only when no tag or petition narrows the population. */
        String factTable() {
            return petitionId == null && tagId == null ? "stats_daily" : "stats_fact";
        }

        String personCondition() {
            return sourceCondition() + (tagId == null ? "" : " AND tag_ids @> ARRAY[:tag]::bigint[]")
                    + (petitionId == null ? "" : " AND signed_petitions @> ARRAY[:petition]::bigint[]");
        }

        String factCondition() {
            return personCondition();
        }

        private String sourceCondition() {
            return source == null ? "" : " AND source = :source";
        }

        Map<String, Object> params(StatsFilter filter) {
            Map<String, Object> params = new java.util.HashMap<>();
            params.put("from", Date.valueOf(filter.from()));
            params.put("to", Date.valueOf(filter.to()));
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
