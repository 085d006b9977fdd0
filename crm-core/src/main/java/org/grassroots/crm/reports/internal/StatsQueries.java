package org.grassroots.crm.reports.internal;

import static org.grassroots.crm.reports.internal.StatsPopulation.sql;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.grassroots.crm.plugin.api.reports.AreaFigure;
import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The state table and the top areas of a state, read from the statistics tables StatsRebuild maintains (never from
 * the base tables). A tag or petition filter narrows the population to some people: then every figure is one pass
 * over their rows of stats_person, counting activity in the period from the sorted day arrays with width_bucket (a
 * binary search). Without one, the rollups answer (stats_cohort, stats_active, stats_daily). Weekly series are in
 * StatsWeeklyQueries. Figures are defined in docs/plugins/ports/StatsQuery.md; the shape is explained in
 * docs/adr/0013-report-statistics-per-person-activity.md.
 */
@Component
public class StatsQueries {

    private final JdbcClient jdbc;

    StatsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures per state; {@code donationTotal} is filled only when {@code withMoney}. */
    public List<StateFigures> byState(StatsFilter filter, boolean withMoney) {
        Optional<StatsPopulation> population = StatsPopulation.of(jdbc, filter);
        if (population.isEmpty()) {
            return List.of();
        }
        StatsPopulation who = population.get();
        Map<String, Object> params = who.params(filter);
        Map<String, long[]> byState = new TreeMap<>();
        if (who.narrowsPeople()) {
            sql(jdbc, "SELECT state, count(*) FILTER (WHERE created_on <= :to),"
                    + " count(*) FILTER (WHERE created_on <= :to AND subscribed),"
                    + " count(*) FILTER (WHERE created_on >= :from AND created_on <= :to), " + who.signatures() + ","
                    + " count(*) FILTER (WHERE " + StatsPopulation.inPeriod("gift_days") + " > 0),"
                    + " coalesce(sum(" + StatsPopulation.growth("gift_days", "gift_cents") + "), 0),"
                    + " count(*) FILTER (WHERE " + StatsPopulation.inPeriod("volunteer_days") + " > 0),"
                    + " coalesce(sum(" + StatsPopulation.growth("volunteer_days", "volunteer_hours") + "), 0)"
                    + " FROM stats_person WHERE TRUE" + who.condition() + " GROUP BY state")
                    .params(params)
                    .query((RowCallbackHandler) rs -> {
                        long[] row = figures(byState, rs.getString(1));
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getLong(i + 2);
                        }
                    });
        } else {
            sql(jdbc, "SELECT state, sum(people) FILTER (WHERE created_on <= :to),"
                    + " sum(people) FILTER (WHERE created_on <= :to AND subscribed),"
                    + " sum(people) FILTER (WHERE created_on >= :from AND created_on <= :to)"
                    + " FROM stats_cohort WHERE TRUE" + who.condition() + " GROUP BY state")
                    .params(params)
                    .query((RowCallbackHandler) rs -> fill(figures(byState, rs.getString(1)), rs, 0, 1, 2));
            sql(jdbc, "SELECT state, count(*) FILTER (WHERE " + StatsPopulation.inPeriod("gift_days") + " > 0),"
                    + " count(*) FILTER (WHERE " + StatsPopulation.inPeriod("volunteer_days") + " > 0)"
                    + " FROM stats_active WHERE TRUE" + who.condition() + " GROUP BY state")
                    .params(params)
                    .query((RowCallbackHandler) rs -> fill(figures(byState, rs.getString(1)), rs, 4, 6));
            sql(jdbc, "SELECT state, " + sumOfKind(FactKind.SIGNATURE) + ", " + sumOfKind(FactKind.GIFT) + ", "
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

    /** The ZIP codes or cities of a state with the most supporters matching the filter, most first. */
    public List<AreaFigure> topAreas(String state, AreaFigure.Kind kind, StatsFilter filter, int limit) {
        Optional<StatsPopulation> population = StatsPopulation.of(jdbc, filter);
        if (population.isEmpty() || limit <= 0) {
            return List.of();
        }
        StatsPopulation who = population.get();
        String area = kind == AreaFigure.Kind.ZIP ? "zip5" : "city";
        Map<String, Object> params = who.params(filter);
        params.put("state", state);
        params.put("limit", limit);
        return sql(jdbc, "SELECT " + area + ", count(*) FILTER (WHERE created_on <= :to) AS supporters, " + who.signatures()
                        + " FROM stats_person WHERE state = :state AND " + area + " IS NOT NULL" + who.condition()
                        + " GROUP BY 1 HAVING count(*) FILTER (WHERE created_on <= :to) > 0"
                        + " ORDER BY 2 DESC, 1 LIMIT :limit")
                .params(params)
                .query((rs, row) -> new AreaFigure(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private static BigDecimal hundredths(long value) {
        return BigDecimal.valueOf(value, 2);
    }
}
