package org.grassroots.crm.reports.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.crm.reports.StatsRefreshStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the report statistics (stats_person and its rollups stats_cohort, stats_active, stats_daily,
 * stats_weekly_active) from the base tables in one transaction: each table's successor is filled and indexed beside
 * it, then all are swapped in by rename at the end, so reports read the old figures until the commit and the new
 * ones after it, never a mix. A second rebuild waits for the first (advisory lock). See
 * docs/adr/0013-report-statistics-per-person-activity.md.
 */
@Component
public class StatsRebuild {

    private static final long LOCK_KEY = 0x5354415453L; // "STATS"
    private static final Duration LOCK_RETRY = Duration.ofMillis(500);
    private static final List<String> TABLES = List.of("stats_person", "stats_cohort", "stats_active", "stats_daily",
            "stats_weekly_active");
    /** Index name to the table and columns it covers. */
    private static final Map<String, String> INDEXES = Map.of(
            "stats_person_state_idx", "stats_person (state)",
            "stats_daily_day_idx", "stats_daily (day)");

    /** Monday of the week of a date column or expression. */
    static String weekOf(String day) {
        return "(" + day + " - (extract(isodow FROM " + day + ")::int - 1))";
    }

    private static final String PEOPLE = """
            INSERT INTO stats_person_next (person_id, state, zip5, city, source, created_on, subscribed, tag_ids,
                                           signed_petitions, signed_on, signature_days, gift_days, gift_cents,
                                           volunteer_days, volunteer_hours)
            SELECT p.id, coalesce(p.state, 'XX'), left(p.zip, 5), nullif(btrim(p.city), ''), p.source,
                   (p.created_at AT TIME ZONE 'UTC')::date, coalesce(e.status = 'SUBSCRIBED', FALSE), t.ids,
                   s.petitions, s.days, s.all_days, g.days, g.running, v.days, v.running
            FROM person p
            LEFT JOIN person_email e ON e.person_id = p.id AND e.is_primary
            LEFT JOIN (SELECT person_id, array_agg(tag_id ORDER BY tag_id) AS ids
                       FROM person_tag GROUP BY person_id) t ON t.person_id = p.id
            LEFT JOIN (SELECT person_id, array_agg(petition_id ORDER BY petition_id) AS petitions,
                              array_agg(day ORDER BY petition_id) AS days, array_agg(day ORDER BY day) AS all_days
                       FROM (SELECT person_id, petition_id, (signed_at AT TIME ZONE 'UTC')::date AS day
                             FROM signature) x
                       GROUP BY person_id) s ON s.person_id = p.id
            LEFT JOIN (SELECT person_id, array_agg(day ORDER BY day) AS days, array_agg(running ORDER BY day) AS running
                       FROM (SELECT person_id, day, sum(cents) OVER (PARTITION BY person_id ORDER BY day) AS running
                             FROM (SELECT person_id, received_on AS day,
                                          sum(CASE WHEN currency = 'USD' THEN (amount * 100)::bigint ELSE 0 END)
                                              AS cents
                                   FROM donation WHERE person_id IS NOT NULL GROUP BY 1, 2) d) r
                       GROUP BY person_id) g ON g.person_id = p.id
            LEFT JOIN (SELECT person_id, array_agg(day ORDER BY day) AS days, array_agg(running ORDER BY day) AS running
                       FROM (SELECT person_id, day, sum(hours) OVER (PARTITION BY person_id ORDER BY day) AS running
                             FROM (SELECT su.person_id, sh.starts_at::date AS day,
                                          sum(CASE WHEN su.status = 'ATTENDED' AND su.hours IS NOT NULL
                                                   THEN (su.hours * 100)::bigint ELSE 0 END) AS hours
                                   FROM signup su JOIN shift sh ON sh.id = su.shift_id
                                   WHERE su.person_id IS NOT NULL
                                     AND su.status IN ('SIGNED_UP', 'CONFIRMED', 'ATTENDED')
                                   GROUP BY 1, 2) a) r
                       GROUP BY person_id) v ON v.person_id = p.id
            WHERE p.merged_into_id IS NULL AND p.erased_at IS NULL
            """;

    private static final String COHORT = """
            INSERT INTO stats_cohort_next (created_on, state, source, subscribed, people)
            SELECT created_on, state, source, subscribed, count(*) FROM stats_person_next GROUP BY 1, 2, 3, 4
            """;

    private static final String ACTIVE = """
            INSERT INTO stats_active_next (state, source, gift_days, volunteer_days)
            SELECT state, source, gift_days, volunteer_days FROM stats_person_next
            WHERE gift_days IS NOT NULL OR volunteer_days IS NOT NULL
            """;

    /** The running totals turned back into each day's amount: this element minus the one before. */
    private static final String DAILY = """
            INSERT INTO stats_daily_next (day, kind, state, source, value)
            SELECT day, kind, state, source, sum(value) FROM (
                SELECT d AS day, %1$d::smallint AS kind, state, source, 1::bigint AS value
                FROM stats_person_next, unnest(signature_days) AS d
                UNION ALL
                SELECT g.d, %2$d::smallint, state, source, g.running - coalesce(gift_cents[g.i - 1], 0)
                FROM stats_person_next, unnest(gift_days, gift_cents) WITH ORDINALITY AS g(d, running, i)
                UNION ALL
                SELECT v.d, %3$d::smallint, state, source, v.running - coalesce(volunteer_hours[v.i - 1], 0)
                FROM stats_person_next, unnest(volunteer_days, volunteer_hours) WITH ORDINALITY AS v(d, running, i)
            ) f
            WHERE value <> 0
            GROUP BY 1, 2, 3, 4 ORDER BY 1
            """.formatted(FactKind.SIGNATURE.code(), FactKind.GIFT.code(), FactKind.HOURS.code());

    private static final String WEEKLY_ACTIVE = """
            INSERT INTO stats_weekly_active_next (week, kind, state, source, people)
            SELECT week, kind, state, source, count(*) FROM (
                SELECT DISTINCT person_id, %2$d::smallint AS kind, %1$s AS week, state, source
                FROM stats_person_next, unnest(gift_days) AS d
                UNION ALL
                SELECT DISTINCT person_id, %3$d::smallint, %1$s, state, source
                FROM stats_person_next, unnest(volunteer_days) AS d
            ) w
            GROUP BY 1, 2, 3, 4
            """.formatted(weekOf("d"), FactKind.GIFT.code(), FactKind.HOURS.code());

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    StatsRebuild(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        // one snapshot for every statement, so facts and people agree
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Rebuilds all statistics now, on the calling thread, and returns the new status. Waits while another rebuild
     * runs, then rebuilds from a snapshot taken after it.
     */
    public StatsRefreshStatus rebuild() {
        while (true) {
            StatsRefreshStatus done = transactions.execute(status -> tryRebuild());
            if (done != null) {
                return done;
            }
            try {
                Thread.sleep(LOCK_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while another statistics refresh was running", e);
            }
        }
    }

    /** The new status, or null when another rebuild holds the lock. */
    private StatsRefreshStatus tryRebuild() {
        long start = System.nanoTime();
        if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single()) {
            return null;
        }
        jdbc.sql("SET LOCAL work_mem = '256MB'").update();
        jdbc.sql("SET LOCAL maintenance_work_mem = '256MB'").update();
        for (String table : TABLES) {
            jdbc.sql("DROP TABLE IF EXISTS " + table + "_next").update();
            jdbc.sql("CREATE UNLOGGED TABLE " + table + "_next (LIKE " + table + " INCLUDING DEFAULTS)").update();
        }
        for (String statement : List.of(PEOPLE, COHORT, ACTIVE, DAILY, WEEKLY_ACTIVE)) {
            jdbc.sql(statement).update();
        }
        INDEXES.forEach((index, on) -> jdbc.sql("CREATE INDEX " + index + "_next ON "
                + on.replaceFirst(" ", "_next ")).update());
        for (String table : TABLES) {
            jdbc.sql("ANALYZE " + table + "_next").update();
        }

        jdbc.sql("LOCK TABLE " + String.join(", ", TABLES) + " IN ACCESS EXCLUSIVE MODE").update();
        for (String table : TABLES) {
            jdbc.sql("DROP TABLE " + table).update();
            jdbc.sql("ALTER TABLE " + table + "_next RENAME TO " + table).update();
        }
        INDEXES.keySet().forEach(index -> jdbc.sql("ALTER INDEX " + index + "_next RENAME TO " + index).update());

        long people = jdbc.sql("SELECT count(*) FROM stats_person").query(Long.class).single();
        Duration took = Duration.ofMillis((System.nanoTime() - start) / 1_000_000);
        Instant now = jdbc.sql("SELECT now()").query(Timestamp.class).single().toInstant();
        jdbc.sql("""
                INSERT INTO stats_refresh (id, refreshed_at, took_ms, people) VALUES (1, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, took_ms = EXCLUDED.took_ms,
                                               people = EXCLUDED.people
                """).param(Timestamp.from(now)).param(took.toMillis()).param(people).update();
        return new StatsRefreshStatus(now, took, people);
    }

    /** The last rebuild, if there has been one. */
    public Optional<StatsRefreshStatus> lastRefresh() {
        return jdbc.sql("SELECT refreshed_at, took_ms, people FROM stats_refresh WHERE id = 1")
                .query((rs, row) -> new StatsRefreshStatus(rs.getTimestamp(1).toInstant(),
                        Duration.ofMillis(rs.getLong(2)), rs.getLong(3)))
                .optional();
    }
}
