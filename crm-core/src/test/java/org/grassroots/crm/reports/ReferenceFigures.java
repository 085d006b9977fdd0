package org.grassroots.crm.reports;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.grassroots.crm.plugin.api.reports.AreaFigure;
import org.grassroots.crm.plugin.api.reports.Measure;
import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.reports.WeeklyFigure;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report figures counted the slow, obvious way over the base tables (person, person_email, person_tag,
 * signature, donation, signup, shift), straight from the definitions in docs/plugins/ports/StatsQuery.md. Shares no
 * SQL with the statistics tables it checks.
 */
record ReferenceFigures(JdbcClient jdbc) {

    /** The population of a filter: active people, narrowed by source, tag and petition signed. */
    private static final String POPULATION = """
            WITH pop AS (
                SELECT p.id, coalesce(p.state, 'XX') AS state, (p.created_at AT TIME ZONE 'UTC')::date AS created_on,
                       left(p.zip, 5) AS zip, nullif(btrim(p.city), '') AS city,
                       EXISTS (SELECT 1 FROM person_email e
                               WHERE e.person_id = p.id AND e.is_primary AND e.status = 'SUBSCRIBED') AS subscribed
                FROM person p
                WHERE p.merged_into_id IS NULL AND p.erased_at IS NULL
                  AND (CAST(:source AS text) IS NULL OR p.source = CAST(:source AS text))
                  AND (CAST(:tag AS text) IS NULL OR p.id IN (SELECT pt.person_id FROM person_tag pt
                                                 JOIN tag t ON t.id = pt.tag_id WHERE t.name = CAST(:tag AS text)))
                  AND (CAST(:petition AS bigint) IS NULL OR p.id IN (SELECT s.person_id FROM signature s
                                                 WHERE s.petition_id = CAST(:petition AS bigint))))
            """;

    List<StateFigures> byState(StatsFilter f, boolean withMoney) {
        Map<String, long[]> n = new TreeMap<>();
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        query(f, POPULATION + """
                SELECT state, count(*) FILTER (WHERE created_on <= :to),
                       count(*) FILTER (WHERE created_on <= :to AND subscribed),
                       count(*) FILTER (WHERE created_on BETWEEN :from AND :to)
                FROM pop GROUP BY state
                """).forEach(r -> {
                    long[] row = n.computeIfAbsent((String) r.get(0), s -> new long[5]);
                    row[0] = num(r.get(1)).longValue();
                    row[1] = num(r.get(2)).longValue();
                    row[2] = num(r.get(3)).longValue();
                });
        query(f, POPULATION + """
                SELECT pop.state, count(DISTINCT pop.id) FROM donation d JOIN pop ON pop.id = d.person_id
                WHERE d.received_on BETWEEN :from AND :to GROUP BY pop.state
                """).forEach(r -> counts(n, r)[3] = num(r.get(1)).longValue());
        query(f, POPULATION + """
                SELECT pop.state, count(DISTINCT pop.id)
                FROM signup su JOIN shift sh ON sh.id = su.shift_id JOIN pop ON pop.id = su.person_id
                WHERE su.status IN ('SIGNED_UP', 'CONFIRMED', 'ATTENDED') AND sh.starts_at::date BETWEEN :from AND :to
                GROUP BY pop.state
                """).forEach(r -> counts(n, r)[4] = num(r.get(1)).longValue());
        query(f, POPULATION + """
                SELECT pop.state, count(*) FROM signature s JOIN pop ON pop.id = s.person_id
                WHERE (s.signed_at AT TIME ZONE 'UTC')::date BETWEEN :from AND :to
                  AND (CAST(:petition AS bigint) IS NULL OR s.petition_id = CAST(:petition AS bigint))
                GROUP BY pop.state
                """).forEach(r -> sums(sums, r)[0] = num(r.get(1)));
        query(f, POPULATION + """
                SELECT pop.state, sum(d.amount) FROM donation d JOIN pop ON pop.id = d.person_id
                WHERE d.received_on BETWEEN :from AND :to AND d.currency = 'USD' GROUP BY pop.state
                """).forEach(r -> sums(sums, r)[1] = num(r.get(1)));
        query(f, POPULATION + """
                SELECT pop.state, sum(su.hours)
                FROM signup su JOIN shift sh ON sh.id = su.shift_id JOIN pop ON pop.id = su.person_id
                WHERE su.status = 'ATTENDED' AND sh.starts_at::date BETWEEN :from AND :to GROUP BY pop.state
                """).forEach(r -> sums(sums, r)[2] = num(r.get(1)));
        TreeSet<String> states = new TreeSet<>(n.keySet());
        states.addAll(sums.keySet());
        List<StateFigures> figures = new ArrayList<>();
        for (String state : states) {
            long[] c = n.getOrDefault(state, new long[5]);
            BigDecimal[] s = sums.getOrDefault(state, zeros());
            boolean empty = c[0] == 0 && c[2] == 0 && c[3] == 0 && c[4] == 0 && s[0].signum() == 0
                    && s[1].signum() == 0 && s[2].signum() == 0;
            if (!empty) {
                figures.add(new StateFigures(state, c[0], c[1], c[2], s[0].longValueExact(), c[3],
                        withMoney ? s[1] : null, c[4], s[2]));
            }
        }
        return figures;
    }

    /** The weekly series: value(week, state) for each Monday-to-Sunday week overlapping the period. */
    List<WeeklyFigure> weekly(StatsFilter f, Measure measure) {
        LocalDate first = f.from().with(DayOfWeek.MONDAY);
        LocalDate last = f.to().with(DayOfWeek.MONDAY);
        String weeks = " weeks AS (SELECT date_trunc('week', d)::date AS w FROM generate_series("
                + "CAST(:first AS timestamp), CAST(:last AS timestamp), INTERVAL '7 days') d) ";
        String week = "date_trunc('week', %s)::date";
        String sql = switch (measure) {
            case SUPPORTERS -> ", " + weeks
                    + "SELECT w, state, count(*) FROM weeks JOIN pop ON created_on <= w + 6 GROUP BY 1, 2";
            case SUBSCRIBED -> ", " + weeks + "SELECT w, state, count(*) FROM weeks JOIN pop ON created_on <= w + 6"
                    + " AND subscribed GROUP BY 1, 2";
            case NEW_SUPPORTERS -> "SELECT " + week.formatted("created_on::timestamp") + ", state, count(*) FROM pop"
                    + " WHERE created_on BETWEEN :first AND CAST(:last AS date) + 6 GROUP BY 1, 2";
            case SIGNATURES -> "SELECT " + week.formatted("(s.signed_at AT TIME ZONE 'UTC')")
                    + ", pop.state, count(*)"
                    + " FROM signature s JOIN pop ON pop.id = s.person_id"
                    + " WHERE (s.signed_at AT TIME ZONE 'UTC')::date BETWEEN :first AND CAST(:last AS date) + 6"
                    + " AND (CAST(:petition AS bigint) IS NULL OR s.petition_id = CAST(:petition AS bigint))"
                    + " GROUP BY 1, 2";
            case DONORS -> "SELECT " + week.formatted("d.received_on::timestamp")
                    + ", pop.state, count(DISTINCT pop.id)"
                    + " FROM donation d JOIN pop ON pop.id = d.person_id"
                    + " WHERE d.received_on BETWEEN :first AND CAST(:last AS date) + 6 GROUP BY 1, 2";
            case DONATION_TOTAL -> "SELECT " + week.formatted("d.received_on::timestamp")
                    + ", pop.state, sum(d.amount)"
                    + " FROM donation d JOIN pop ON pop.id = d.person_id"
                    + " WHERE d.received_on BETWEEN :first AND CAST(:last AS date) + 6"
                    + " AND d.currency = 'USD' GROUP BY 1, 2";
            case ACTIVE_VOLUNTEERS -> "SELECT " + week.formatted("sh.starts_at")
                    + ", pop.state, count(DISTINCT pop.id)"
                    + " FROM signup su JOIN shift sh ON sh.id = su.shift_id JOIN pop ON pop.id = su.person_id"
                    + " WHERE su.status IN ('SIGNED_UP', 'CONFIRMED', 'ATTENDED')"
                    + " AND sh.starts_at::date BETWEEN :first AND CAST(:last AS date) + 6 GROUP BY 1, 2";
            case VOLUNTEER_HOURS -> "SELECT " + week.formatted("sh.starts_at") + ", pop.state, sum(su.hours)"
                    + " FROM signup su JOIN shift sh ON sh.id = su.shift_id JOIN pop ON pop.id = su.person_id"
                    + " WHERE su.status = 'ATTENDED' AND sh.starts_at::date BETWEEN :first AND CAST(:last AS date) + 6"
                    + " GROUP BY 1, 2";
        };
        Map<String, Object> extra = Map.of("first", first, "last", last);
        Map<LocalDate, Map<String, BigDecimal>> values = new TreeMap<>();
        TreeSet<String> states = new TreeSet<>();
        for (List<Object> r : query(f, POPULATION + sql, extra)) {
            LocalDate w = ((java.sql.Date) r.get(0)).toLocalDate();
            BigDecimal v = num(r.get(2));
            values.computeIfAbsent(w, k -> new HashMap<>()).put((String) r.get(1), v);
            if (v.signum() != 0) {
                states.add((String) r.get(1));
            }
        }
        List<WeeklyFigure> series = new ArrayList<>();
        for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) {
            for (String state : states) {
                series.add(new WeeklyFigure(w, state, values.getOrDefault(w, Map.of()).getOrDefault(state,
                        BigDecimal.ZERO)));
            }
        }
        return series;
    }

    List<AreaFigure> topAreas(String state, AreaFigure.Kind kind, StatsFilter f, int limit) {
        String area = kind == AreaFigure.Kind.ZIP ? "zip" : "city";
        String sql = POPULATION + """
                SELECT %1$s, count(*) FILTER (WHERE created_on <= :to),
                       (SELECT count(*) FROM signature s JOIN pop q ON q.id = s.person_id
                        WHERE q.state = :state AND q.%1$s = pop.%1$s
                          AND (s.signed_at AT TIME ZONE 'UTC')::date BETWEEN :from AND :to
                          AND (CAST(:petition AS bigint) IS NULL OR s.petition_id = CAST(:petition AS bigint)))
                FROM pop WHERE state = :state AND %1$s IS NOT NULL
                GROUP BY %1$s HAVING count(*) FILTER (WHERE created_on <= :to) > 0
                ORDER BY 2 DESC, 1 LIMIT :limit
                """.formatted(area);
        return query(f, sql, Map.of("state", state, "limit", limit)).stream()
                .map(r -> new AreaFigure((String) r.get(0), num(r.get(1)).longValue(), num(r.get(2)).longValue()))
                .toList();
    }

    private List<List<Object>> query(StatsFilter f, String sql) {
        return query(f, sql, Map.of());
    }

    private List<List<Object>> query(StatsFilter f, String sql, Map<String, Object> extra) {
        Map<String, Object> params = new HashMap<>(extra);
        params.put("from", f.from());
        params.put("to", f.to());
        params.put("source", f.source());
        params.put("tag", f.tag());
        params.put("petition", f.petitionId());
        return jdbc.sql(sql).params(params).query((rs, row) -> {
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getObject(i));
            }
            return values;
        }).list();
    }

    private static long[] counts(Map<String, long[]> counts, List<Object> row) {
        return counts.computeIfAbsent((String) row.get(0), s -> new long[5]);
    }

    private static BigDecimal[] sums(Map<String, BigDecimal[]> sums, List<Object> row) {
        return sums.computeIfAbsent((String) row.get(0), s -> zeros());
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static BigDecimal num(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
