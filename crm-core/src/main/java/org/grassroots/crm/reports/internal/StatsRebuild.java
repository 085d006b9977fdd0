package org.grassroots.crm.reports.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.reports.StatsRefreshStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the report statistics (stats_person, stats_fact, stats_daily) from the base tables in one transaction:
 * each table's successor is filled and indexed beside it, then all three are swapped in by rename at the end, so
 * reports read the old figures until the commit and the new ones after it, never a mix. A second rebuild waits for
 * the first (advisory lock). See docs/adr/0010-report-statistics.md.
 */
@Component
public class StatsRebuild {

    private static final long LOCK_KEY = 0x5354415453L; // "STATS"
    private static final Duration LOCK_RETRY = Duration.ofMillis(500);
    private static final List<String> TABLES = List.of("stats_person", "stats_fact", "stats_daily");

    /** Monday of the week of a date column or expression. */
    static String weekOf(String day) {
        return "(" + day + " - (extract(isodow FROM " + day + ")::int - 1))";
    }

    private static final String PEOPLE = """
            INSERT INTO stats_person_next (person_id, state, zip5, city, source, created_on, subscribed, tag_ids,
                                           signed_petitions, signed_on, donation_days, donation_weeks,
                                           volunteer_days, volunteer_weeks)
            SELECT p.id, coalesce(p.state, 'XX'), left(p.zip, 5), nullif(btrim(p.city), ''), p.source,
                   (p.created_at AT TIME ZONE 'UTC')::date, coalesce(e.status = 'SUBSCRIBED', FALSE), t.ids,
                   s.petitions, s.days, g.days, g.weeks, v.days, v.weeks
            FROM person p
            LEFT JOIN person_email e ON e.person_id = p.id AND e.is_primary
            LEFT JOIN (SELECT person_id, array_agg(tag_id ORDER BY tag_id) AS ids
                       FROM person_tag GROUP BY person_id) t ON t.person_id = p.id
            LEFT JOIN (SELECT person_id, array_agg(petition_id ORDER BY petition_id) AS petitions,
                              array_agg((signed_at AT TIME ZONE 'UTC')::date ORDER BY petition_id) AS days
                       FROM signature GROUP BY person_id) s ON s.person_id = p.id
            LEFT JOIN (SELECT person_id, range_agg(daterange(day, day + 1)) AS days,
                              range_agg(daterange(%1$s, %1$s + 7)) AS weeks
                       FROM (SELECT person_id, received_on AS day FROM donation WHERE person_id IS NOT NULL) d
                       GROUP BY person_id) g ON g.person_id = p.id
            LEFT JOIN (SELECT person_id, range_agg(daterange(day, day + 1)) AS days,
                              range_agg(daterange(%1$s, %1$s + 7)) AS weeks
                       FROM (SELECT su.person_id, sh.starts_at::date AS day
                             FROM signup su JOIN shift sh ON sh.id = su.shift_id
                             WHERE su.person_id IS NOT NULL AND su.status IN ('SIGNED_UP', 'CONFIRMED', 'ATTENDED')) a
                       GROUP BY person_id) v ON v.person_id = p.id
            WHERE p.merged_into_id IS NULL AND p.erased_at IS NULL
            """.formatted(weekOf("day"));

    private static final String FACTS = """
            INSERT INTO stats_fact_next (day, kind, state, source, petition_id, tag_ids, signed_petitions, value)
            SELECT f.day, f.kind, sp.state, sp.source, f.petition_id, sp.tag_ids, sp.signed_petitions, f.value
            FROM (SELECT person_id, (signed_at AT TIME ZONE 'UTC')::date AS day, %1$d::smallint AS kind, petition_id,
                         1::bigint AS value
                  FROM signature
                  UNION ALL
                  SELECT person_id, received_on, %2$d::smallint, NULL, (amount * 100)::bigint
                  FROM donation WHERE person_id IS NOT NULL AND currency = 'USD'
                  UNION ALL
                  SELECT su.person_id, sh.starts_at::date, %3$d::smallint, NULL, (su.hours * 100)::bigint
                  FROM signup su JOIN shift sh ON sh.id = su.shift_id
                  WHERE su.person_id IS NOT NULL AND su.status = 'ATTENDED' AND su.hours IS NOT NULL) f
            JOIN stats_person_next sp ON sp.person_id = f.person_id
            ORDER BY f.day
            """.formatted(FactKind.SIGNATURE.code(), FactKind.GIFT.code(), FactKind.HOURS.code());

    private static final String DAILY = """
            INSERT INTO stats_daily_next (day, kind, state, source, value)
            SELECT day, kind, state, source, sum(value) FROM stats_fact_next
            GROUP BY day, kind, state, source ORDER BY day
            """;

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
        jdbc.sql(PEOPLE).update();
        jdbc.sql("CREATE INDEX stats_person_state_next ON stats_person_next (state)").update();
        jdbc.sql("ANALYZE stats_person_next").update();
        jdbc.sql(FACTS).update();
        jdbc.sql("CREATE INDEX stats_fact_day_next ON stats_fact_next USING brin (day)").update();
        jdbc.sql(DAILY).update();
        jdbc.sql("CREATE INDEX stats_daily_day_next ON stats_daily_next (day)").update();
        jdbc.sql("ANALYZE stats_fact_next").update();
        jdbc.sql("ANALYZE stats_daily_next").update();

        jdbc.sql("LOCK TABLE " + String.join(", ", TABLES) + " IN ACCESS EXCLUSIVE MODE").update();
        for (String table : TABLES) {
            jdbc.sql("DROP TABLE " + table).update();
            jdbc.sql("ALTER TABLE " + table + "_next RENAME TO " + table).update();
        }
        jdbc.sql("ALTER INDEX stats_person_state_next RENAME TO stats_person_state_idx").update();
        jdbc.sql("ALTER INDEX stats_fact_day_next RENAME TO stats_fact_day_brin").update();
        jdbc.sql("ALTER INDEX stats_daily_day_next RENAME TO stats_daily_day_idx").update();

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
