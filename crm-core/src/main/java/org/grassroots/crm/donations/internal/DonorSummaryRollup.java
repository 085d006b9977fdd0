package org.grassroots.crm.donations.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps {@code donor_summary} equal to what the donation table says: one person (or two, for a merge) in the
 * transaction that changed their gifts, or everyone at once after a bulk load. Both paths run the same
 * INSERT … SELECT … ON CONFLICT statement, so they cannot disagree. See docs/adr/0003-donor-summary-rollup.md.
 */
@Repository
public class DonorSummaryRollup {

    /** Namespace of the per-person advisory locks, so they cannot collide with other features' locks. */
    private static final int LOCK_NAMESPACE = 4_0001;

    /**
     * One pass of plain aggregates, so the bulk rebuild is a sequential scan and a hash aggregate with no sort. The
     * latest gift with employer and occupation is the greatest array [received_on as ISO text, zero-padded id,
     * employer, occupation]: arrays compare element by element, so that is the newest such gift, ties by id.
     */
    private static final String UPSERT = """
            INSERT INTO donor_summary AS s (person_id, donation_count, lifetime_total, first_gift_on, last_gift_on,
                largest_gift, cycle_start, cycle_total, cycle_count, employer, occupation, has_employer_occupation,
                refreshed_at)
            SELECT person_id, gifts, total, first_on, last_on, largest, CAST(:cycleStart AS date), cycle_total,
                   cycle_gifts, latest_info[3], latest_info[4], latest_info IS NOT NULL, now()
            FROM (
                SELECT d.person_id, count(*) AS gifts, sum(d.amount) AS total, min(d.received_on) AS first_on,
                       max(d.received_on) AS last_on, max(d.amount) AS largest,
                       coalesce(sum(d.amount) FILTER (WHERE d.received_on >= :cycleStart), 0) AS cycle_total,
                       count(*) FILTER (WHERE d.received_on >= :cycleStart) AS cycle_gifts,
                       max(ARRAY[d.received_on::text, lpad(d.id::text, 19, '0'), btrim(d.employer),
                                 btrim(d.occupation)])
                           FILTER (WHERE btrim(d.employer) <> '' AND btrim(d.occupation) <> '') AS latest_info
                FROM donation d
                WHERE d.person_id IS NOT NULL AND d.currency = 'USD' %s
                GROUP BY d.person_id
            ) gifts
            ON CONFLICT (person_id) DO UPDATE SET
                donation_count = EXCLUDED.donation_count, lifetime_total = EXCLUDED.lifetime_total,
                first_gift_on = EXCLUDED.first_gift_on, last_gift_on = EXCLUDED.last_gift_on,
                largest_gift = EXCLUDED.largest_gift, cycle_start = EXCLUDED.cycle_start,
                cycle_total = EXCLUDED.cycle_total, cycle_count = EXCLUDED.cycle_count,
                employer = EXCLUDED.employer, occupation = EXCLUDED.occupation,
                has_employer_occupation = EXCLUDED.has_employer_occupation, refreshed_at = EXCLUDED.refreshed_at
            WHERE (s.donation_count, s.lifetime_total, s.first_gift_on, s.last_gift_on, s.largest_gift,
                   s.cycle_start, s.cycle_total, s.cycle_count, s.employer, s.occupation)
                IS DISTINCT FROM (EXCLUDED.donation_count, EXCLUDED.lifetime_total, EXCLUDED.first_gift_on,
                   EXCLUDED.last_gift_on, EXCLUDED.largest_gift, EXCLUDED.cycle_start, EXCLUDED.cycle_total,
                   EXCLUDED.cycle_count, EXCLUDED.employer, EXCLUDED.occupation)
            """;

    private final JdbcClient jdbc;

    DonorSummaryRollup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Rebuilds the rows of these people inside the caller's transaction, after its donation changes are flushed.
     * Each person is locked first (in id order, so two merges cannot deadlock): the rebuild statement then starts
     * after any other transaction rebuilding the same person has committed, and sees that transaction's gifts too.
     */
    public void rebuild(Collection<Long> personIds, LocalDate cycleStart) {
        personIds.stream().filter(Objects::nonNull).distinct().sorted().forEach(personId -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, hashint8(:personId))")
                    .param("namespace", LOCK_NAMESPACE).param("personId", personId).query((rs, row) -> 1).list();
            jdbc.sql(UPSERT.formatted("AND d.person_id = :personId"))
                    .param("cycleStart", cycleStart).param("personId", personId).update();
            jdbc.sql("""
                    DELETE FROM donor_summary s WHERE s.person_id = :personId AND NOT EXISTS (
                        SELECT 1 FROM donation d WHERE d.person_id = :personId AND d.currency = 'USD')
                    """).param("personId", personId).update();
        });
    }

    /**
     * Rebuilds every row in one set-based pass; rows that did not change are not rewritten. The table lock lets
     * readers on but holds back interactive rebuilds until this commits, so neither overwrites the other with
     * older figures. Returns the number of rows written or removed.
     */
    public int rebuildAll(LocalDate cycleStart) {
        jdbc.sql("LOCK TABLE donor_summary IN SHARE ROW EXCLUSIVE MODE").update();
        // with room to aggregate in memory the planner scans donation once (~10 s at 3M rows); at the default 4MB it
        // walks donation_person_idx instead, one random heap read per gift (~4x slower)
        jdbc.sql("SET LOCAL work_mem = '256MB'").update();
        int written = jdbc.sql(UPSERT.formatted("")).param("cycleStart", cycleStart).update();
        int removed = jdbc.sql("""
                DELETE FROM donor_summary s WHERE NOT EXISTS (
                    SELECT 1 FROM donation d WHERE d.person_id = s.person_id AND d.currency = 'USD')
                """).update();
        return written + removed;
    }

    /** Drops a person's row (after erasure, when their gifts are no longer linked to them). */
    public void remove(long personId) {
        jdbc.sql("DELETE FROM donor_summary WHERE person_id = :personId").param("personId", personId).update();
    }
}
