package org.grassroots.crm.listsync.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.grassroots.crm.listsync.SyncFailure;
import org.grassroots.crm.listsync.SyncPlan;
import org.grassroots.crm.listsync.SyncRun;
import org.grassroots.crm.listsync.SyncRunStatus;
import org.grassroots.crm.people.SupporterSelectionSql;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * The list sync's SQL: the plan as one set-based diff of "eligible now" against {@code list_sync_member}, the member
 * rows written after each batch, runs, failures, pull-back cursors and webhook event ids.
 */
// not @Repository: its exception translation would wrap what a streaming caller's action throws
@Component
public class ListSyncSql {

    /** The fingerprint of a member the sync must resend (seen subscribed at the provider while protected here). */
    static final String STALE = "stale";
    /** The fingerprint of a member the list has without the CRM having sent it (signed up at the provider). */
    static final String REMOTE = "remote";
    /** The fingerprint of a member flipped to unsubscribed just before its batch was sent. */
    static final String UNSUBSCRIBED_MID_SYNC = "unsubscribed-mid-sync";
    static final int FETCH_SIZE = 1_000;

    private static final String SHA = "encode(sha256(convert_to(%s, 'UTF8')), 'hex')";

    /**
     * Eligible supporters (the segment's, primary address subscribed) full-joined with the list's member rows on the
     * address's hash. The lateral part looks up the address of a member who is no longer eligible, through the
     * member's supporter: found, it is unsubscribed; gone, it is removed.
     */
    private static final String PLAN = """
            WITH eligible AS (
                SELECT s.id AS person_id, s.email, s.first_name, s.last_name, s.zip, s.state, s.tags,
                       %1$s AS email_sha256,
                       md5(ROW(s.email, s.first_name, s.last_name, s.zip, s.state, s.tags, TRUE)::text) AS fingerprint
                FROM (%2$s) s
            ), member AS (
                SELECT * FROM list_sync_member WHERE list_key = :ls_list
            ), plan AS (
                SELECT CASE WHEN m.email_sha256 IS NULL THEN 'ADD'
                            WHEN e.email_sha256 IS NOT NULL THEN 'UPDATE'
                            WHEN a.email IS NULL THEN 'REMOVE'
                            ELSE 'UNSUBSCRIBE' END AS category,
                       coalesce(e.person_id, m.person_id) AS person_id,
                       coalesce(e.email, a.email) AS email,
                       coalesce(e.email_sha256, m.email_sha256) AS email_sha256,
                       coalesce(e.first_name, a.first_name) AS first_name,
                       coalesce(e.last_name, a.last_name) AS last_name,
                       coalesce(e.zip, a.zip) AS zip,
                       coalesce(e.state, a.state) AS state,
                       coalesce(e.tags, '{}') AS tags,
                       coalesce(e.fingerprint, md5(ROW(a.email, a.first_name, a.last_name, a.zip, a.state,
                                                       FALSE)::text)) AS fingerprint,
                       m.remote_id
                FROM eligible e FULL JOIN member m ON m.email_sha256 = e.email_sha256
                LEFT JOIN LATERAL (
                    SELECT pe.email, pe.status, p.first_name, p.last_name, p.zip, p.state
                    FROM person_email pe JOIN person p ON p.id = pe.person_id
                    WHERE e.email_sha256 IS NULL AND pe.person_id = m.person_id AND %3$s = m.email_sha256
                    LIMIT 1) a ON TRUE
                WHERE m.email_sha256 IS NULL
                   OR (e.email_sha256 IS NOT NULL AND m.fingerprint <> e.fingerprint)
                   OR (e.email_sha256 IS NULL AND (a.email IS NULL OR m.subscribed
                       AND (m.fingerprint <> :ls_remote OR a.status NOT IN ('SUBSCRIBED', 'NOT_SUBSCRIBED'))))
            )
            """;

    private final JdbcClient jdbc;

    ListSyncSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan's counts, in one aggregate query. */
    public SyncPlan counts(String listKey, @Nullable SupporterSelectionSql eligible) {
        Map<String, Long> counts = new HashMap<>();
        plan(listKey, eligible, "SELECT category, count(*) AS n FROM plan GROUP BY category")
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("category"), rs.getLong("n"));
                });
        return new SyncPlan(counts.getOrDefault("ADD", 0L), counts.getOrDefault("UPDATE", 0L),
                counts.getOrDefault("UNSUBSCRIBE", 0L), counts.getOrDefault("REMOVE", 0L));
    }

    /**
     * Streams the plan from a server-side cursor; call inside a read-only transaction. An exception from the action
     * stops the stream and propagates.
     */
    public void streamPlan(String listKey, @Nullable SupporterSelectionSql eligible, Consumer<PlanRow> action) {
        plan(listKey, eligible, "SELECT * FROM plan").withFetchSize(FETCH_SIZE)
                .query((ResultSet rs) -> {
                    action.accept(planRow(rs));
                });
    }

    /**
     * Streams the list's members whose address the CRM no longer holds (all of them, or the given supporter's),
     * as {@link PlanRow.Category#REMOVE} rows; call inside a read-only transaction.
     */
    public void streamRemovals(String listKey, @Nullable Long personId, Consumer<PlanRow> action) {
        StatementSpec statement = jdbc.sql("""
                SELECT 'REMOVE' AS category, m.person_id, NULL::text AS email, m.email_sha256, NULL::text AS first_name,
                       NULL::text AS last_name, NULL::text AS zip, NULL::text AS state, '{}'::text[] AS tags,
                       m.fingerprint, m.remote_id
                FROM list_sync_member m
                WHERE m.list_key = :list %s
                  AND NOT EXISTS (SELECT 1 FROM person_email pe WHERE pe.person_id = m.person_id
                                  AND %s = m.email_sha256)
                """.formatted(personId == null ? "" : "AND m.person_id = :person", SHA.formatted("pe.email")))
                .param("list", listKey).withFetchSize(FETCH_SIZE);
        if (personId != null) {
            statement.param("person", personId);
        }
        statement.query((ResultSet rs) -> {
            action.accept(planRow(rs));
        });
    }

    /** {@code eligible} null means nobody is eligible (the segment admits no subscribed address). */
    private StatementSpec plan(String listKey, @Nullable SupporterSelectionSql eligible, String select) {
        String selection = eligible != null ? eligible.sql()
                : "SELECT NULL::bigint AS id, NULL::text AS email, NULL::text AS first_name, NULL::text AS last_name,"
                        + " NULL::text AS zip, NULL::char(2) AS state, NULL::text[] AS tags WHERE FALSE";
        StatementSpec statement = jdbc.sql(PLAN.formatted(SHA.formatted("s.email"), selection,
                SHA.formatted("pe.email")) + select).param("ls_list", listKey).param("ls_remote", REMOTE);
        if (eligible != null) {
            eligible.parameters().forEach(statement::param);
        }
        return statement;
    }

    /** Whether the CRM has sent anything to the list yet; the first sync may use the provider's bulk path. */
    public boolean hasMembers(String listKey) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM list_sync_member WHERE list_key = :list)")
                .param("list", listKey).query(Boolean.class).single();
    }

    /** Of these addresses, those that are still an active supporter's primary address and subscribed. */
    public Set<String> stillSubscribed(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT pe.email FROM person_email pe JOIN person p ON p.id = pe.person_id
                WHERE pe.email = ANY(CAST(:emails AS text[])) AND pe.is_primary AND pe.status = 'SUBSCRIBED'
                  AND p.merged_into_id IS NULL AND p.erased_at IS NULL
                """).param("emails", emails.toArray(String[]::new)).query(String.class).list());
    }

    /** Records members the provider accepted: what was sent, its remote id, and when. */
    public void recordSent(String listKey, List<Sent> sent, Instant now) {
        if (sent.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO list_sync_member (list_key, email_sha256, person_id, remote_id, fingerprint, subscribed,
                                              pushed_at)
                SELECT :list, v.sha, v.person, v.remote, v.fingerprint, v.subscribed, :now
                FROM unnest(CAST(:shas AS text[]), CAST(:people AS bigint[]), CAST(:remotes AS text[]),
                            CAST(:fingerprints AS text[]), CAST(:subscribed AS boolean[]))
                     AS v (sha, person, remote, fingerprint, subscribed)
                ON CONFLICT (list_key, email_sha256) DO UPDATE SET
                    person_id = EXCLUDED.person_id,
                    remote_id = coalesce(EXCLUDED.remote_id, list_sync_member.remote_id),
                    fingerprint = EXCLUDED.fingerprint,
                    subscribed = EXCLUDED.subscribed,
                    pushed_at = EXCLUDED.pushed_at
                """)
                .param("list", listKey).param("now", Timestamp.from(now))
                .param("shas", sent.stream().map(Sent::emailSha256).toArray(String[]::new))
                .param("people", sent.stream().map(s -> s.personId() == null ? null : s.personId().toString())
                        .toArray(String[]::new))
                .param("remotes", sent.stream().map(Sent::remoteId).toArray(String[]::new))
                .param("fingerprints", sent.stream().map(Sent::fingerprint).toArray(String[]::new))
                .param("subscribed", sent.stream().map(s -> Boolean.toString(s.subscribed())).toArray(String[]::new))
                .update();
    }

    /** A member the provider accepted. */
    public record Sent(String emailSha256, @Nullable Long personId, @Nullable String remoteId, String fingerprint,
            boolean subscribed) {
    }

    /** Refreshes the planner's statistics of the member table, after a first sync filled it. */
    public void analyze() {
        jdbc.sql("ANALYZE list_sync_member").update();
    }

    /** Forgets members the provider removed. */
    public void deleteMembers(String listKey, Collection<String> hashes) {
        if (!hashes.isEmpty()) {
            jdbc.sql("DELETE FROM list_sync_member WHERE list_key = :list AND email_sha256 = ANY(CAST(:h AS text[]))")
                    .param("list", listKey).param("h", hashes.toArray(String[]::new)).update();
        }
    }

    /** Whether each of these members (by hash) was last sent as subscribed; absent when never sent. */
    public Map<String, Boolean> memberSubscribed(String listKey, Collection<String> hashes) {
        Map<String, Boolean> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT email_sha256, subscribed FROM list_sync_member
                WHERE list_key = :list AND email_sha256 = ANY(CAST(:h AS text[]))""")
                .param("list", listKey).param("h", hashes.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    found.put(rs.getString(1), rs.getBoolean(2));
                });
        return found;
    }

    /**
     * Makes the next sync settle these addresses, seen subscribed at the provider: each becomes a member sent as
     * subscribed with a fingerprint that matches nothing, so the plan updates it (still eligible) or unsubscribes it.
     * An address the CRM no longer holds (erased) becomes a member without a supporter, which the plan removes.
     *
     * @return how many members were marked
     */
    public int markStale(String listKey, Collection<String> emails) {
        if (emails.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                INSERT INTO list_sync_member (list_key, email_sha256, person_id, fingerprint, subscribed)
                SELECT :list, %s, pe.person_id, :stale, TRUE
                FROM unnest(CAST(:emails AS text[])) AS v (email) LEFT JOIN person_email pe ON pe.email = v.email
                ON CONFLICT (list_key, email_sha256) DO UPDATE SET
                    person_id = coalesce(EXCLUDED.person_id, list_sync_member.person_id),
                    fingerprint = EXCLUDED.fingerprint, subscribed = TRUE
                """.formatted(SHA.formatted("v.email")))
                .param("list", listKey).param("stale", STALE)
                .param("emails", emails.stream().distinct().toArray(String[]::new))
                .update();
    }

    /**
     * Records members the list has that the CRM did not send (signed up or changed at the provider), for addresses
     * the CRM has or had: subscribed as the provider says, fingerprint {@link #REMOTE}. The plan unsubscribes such a
     * member only once the CRM protects the address (a sign-up outside the list's segment is not undone), updates it
     * when it is eligible, and removes it when the address is erased. Existing member rows are left as they are.
     */
    public void recordSeen(String listKey, Map<String, Boolean> subscribedByEmail) {
        if (subscribedByEmail.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO list_sync_member (list_key, email_sha256, person_id, fingerprint, subscribed)
                SELECT :list, %s, pe.person_id, :remote, v.subscribed
                FROM unnest(CAST(:emails AS text[]), CAST(:subscribed AS boolean[])) AS v (email, subscribed)
                LEFT JOIN person_email pe ON pe.email = v.email
                ON CONFLICT (list_key, email_sha256) DO NOTHING
                """.formatted(SHA.formatted("v.email")))
                .param("list", listKey).param("remote", REMOTE)
                .param("emails", subscribedByEmail.keySet().toArray(String[]::new))
                .param("subscribed", subscribedByEmail.values().stream().map(String::valueOf).toArray(String[]::new))
                .update();
    }

    /** Moves a member to its new address (changed at the provider), to be sent again, unless that one is a member. */
    public void rekey(String listKey, String oldEmail, String newEmail) {
        jdbc.sql("""
                UPDATE list_sync_member m SET email_sha256 = :newSha, fingerprint = :stale
                WHERE m.list_key = :list AND m.email_sha256 = :oldSha
                  AND NOT EXISTS (SELECT 1 FROM list_sync_member n WHERE n.list_key = :list
                                  AND n.email_sha256 = :newSha)""")
                .param("list", listKey).param("oldSha", sha256(oldEmail)).param("newSha", sha256(newEmail))
                .param("stale", STALE).update();
    }

    // runs

    public long startRun(String listKey, boolean dryRun, @Nullable Long jobId, String startedBy, SyncPlan planned,
            SyncRunStatus status, Instant now) {
        return jdbc.sql("""
                INSERT INTO list_sync_run (list_key, dry_run, status, job_id, started_by, started_at, planned_add,
                                           planned_update, planned_unsubscribe, planned_remove)
                VALUES (:list, :dry, :status, :job, :by, :now, :a, :u, :x, :r) RETURNING id""")
                .param("list", listKey).param("dry", dryRun).param("status", status.name()).param("job", jobId)
                .param("by", startedBy).param("now", Timestamp.from(now)).param("a", planned.add())
                .param("u", planned.update()).param("x", planned.unsubscribe()).param("r", planned.remove())
                .query(Long.class).single();
    }

    public void setPlanned(long runId, SyncPlan planned) {
        jdbc.sql("""
                UPDATE list_sync_run SET planned_add = :a, planned_update = :u, planned_unsubscribe = :x,
                                         planned_remove = :r WHERE id = :id""")
                .param("id", runId).param("a", planned.add()).param("u", planned.update())
                .param("x", planned.unsubscribe()).param("r", planned.remove()).update();
    }

    /** Adds a batch's outcomes to the run's counters. */
    public void addDone(long runId, Done done) {
        jdbc.sql("""
                UPDATE list_sync_run SET done_added = done_added + :a, done_updated = done_updated + :u,
                    done_unsubscribed = done_unsubscribed + :x, done_removed = done_removed + :r,
                    done_failed = done_failed + :f, pulled_back = pulled_back + :p
                WHERE id = :id""")
                .param("id", runId).param("a", done.added()).param("u", done.updated())
                .param("x", done.unsubscribed()).param("r", done.removed()).param("f", done.failed())
                .param("p", done.pulledBack()).update();
    }

    /** Counts of what a batch (or a pull-back page) did. */
    public record Done(long added, long updated, long unsubscribed, long removed, long failed, long pulledBack) {

        static Done pulledBack(long n) {
            return new Done(0, 0, 0, 0, 0, n);
        }
    }

    public void recordFailures(long runId, List<Failed> failures) {
        if (failures.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO list_sync_failure (run_id, person_id, reason)
                SELECT :run, v.person, v.reason
                FROM unnest(CAST(:people AS bigint[]), CAST(:reasons AS text[]))
                     WITH ORDINALITY AS v (person, reason, n)
                ORDER BY n""")
                .param("run", runId)
                .param("people", failures.stream().map(f -> f.personId() == null ? null : f.personId().toString())
                        .toArray(String[]::new))
                .param("reasons", failures.stream().map(Failed::reason).toArray(String[]::new))
                .update();
    }

    /** A member the provider refused. */
    public record Failed(@Nullable Long personId, String reason) {
    }

    public void finishRun(long runId, SyncRunStatus status, @Nullable String message, Instant now) {
        jdbc.sql("UPDATE list_sync_run SET status = :status, message = :message, finished_at = :now WHERE id = :id")
                .param("id", runId).param("status", status.name()).param("message", message)
                .param("now", Timestamp.from(now)).update();
    }

    /** Marks runs of the list left running by a stopped instance as failed; call holding the list's sync lock. */
    public void failAbandonedRuns(String listKey, Instant now) {
        jdbc.sql("""
                UPDATE list_sync_run SET status = 'FAILED', finished_at = :now,
                    message = 'Interrupted: the instance running it stopped. Completed batches are kept.'
                WHERE list_key = :list AND status = 'RUNNING'""")
                .param("list", listKey).param("now", Timestamp.from(now)).update();
    }

    public List<SyncRun> runs(String listKey, int limit) {
        return jdbc.sql("SELECT * FROM list_sync_run WHERE list_key = :list ORDER BY id DESC LIMIT :limit")
                .param("list", listKey).param("limit", limit).query(ListSyncSql::run).list();
    }

    public Optional<SyncRun> run(long runId) {
        return jdbc.sql("SELECT * FROM list_sync_run WHERE id = :id").param("id", runId).query(ListSyncSql::run)
                .optional();
    }

    public List<SyncFailure> failures(long runId, int limit) {
        return jdbc.sql("SELECT * FROM list_sync_failure WHERE run_id = :run ORDER BY id LIMIT :limit")
                .param("run", runId).param("limit", limit)
                .query((rs, row) -> new SyncFailure(rs.getLong("id"), rs.getLong("run_id"),
                        rs.getObject("person_id", Long.class), rs.getString("reason")))
                .list();
    }

    // cursors

    public Optional<Instant> lastPullAt(String listKey) {
        return jdbc.sql("SELECT last_pull_at FROM list_sync_state WHERE list_key = :list").param("list", listKey)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).optional()
                .flatMap(at -> at);
    }

    public void pulled(String listKey, Instant startedAt) {
        jdbc.sql("""
                INSERT INTO list_sync_state (list_key, last_pull_at) VALUES (:list, :at)
                ON CONFLICT (list_key) DO UPDATE SET last_pull_at = EXCLUDED.last_pull_at""")
                .param("list", listKey).param("at", Timestamp.from(startedAt)).update();
    }

    public void succeeded(String listKey, Instant at) {
        jdbc.sql("""
                INSERT INTO list_sync_state (list_key, last_success_at) VALUES (:list, :at)
                ON CONFLICT (list_key) DO UPDATE SET last_success_at = EXCLUDED.last_success_at""")
                .param("list", listKey).param("at", Timestamp.from(at)).update();
    }

    // webhooks

    /** Remembers the event ids and returns those not seen before for the list. */
    public Set<String> firstSeen(String listKey, Collection<String> eventIds, Instant now) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                INSERT INTO list_sync_webhook_event (list_key, event_id, received_at)
                SELECT :list, e, :now FROM unnest(CAST(:ids AS text[])) AS e
                ON CONFLICT DO NOTHING RETURNING event_id""")
                .param("list", listKey).param("now", Timestamp.from(now))
                .param("ids", eventIds.stream().distinct().toArray(String[]::new)).query(String.class).list());
    }

    /** Forgets webhook event ids received before then (providers retry for hours, not weeks). */
    public void pruneWebhookEvents(String listKey, Instant before) {
        jdbc.sql("DELETE FROM list_sync_webhook_event WHERE list_key = :list AND received_at < :before")
                .param("list", listKey).param("before", Timestamp.from(before)).update();
    }

    // supporters' data

    /** Lists that hold a member row for the supporter. */
    public List<String> listsOf(long personId) {
        return jdbc.sql("SELECT DISTINCT list_key FROM list_sync_member WHERE person_id = :p ORDER BY 1")
                .param("p", personId).query(String.class).list();
    }

    public void movePerson(long fromPersonId, long intoPersonId) {
        jdbc.sql("UPDATE list_sync_member SET person_id = :into WHERE person_id = :from")
                .param("from", fromPersonId).param("into", intoPersonId).update();
        jdbc.sql("UPDATE list_sync_failure SET person_id = :into WHERE person_id = :from")
                .param("from", fromPersonId).param("into", intoPersonId).update();
    }

    /** Deletes the supporter's failure rows (a provider's reason may quote the address). */
    public void forgetFailures(long personId) {
        jdbc.sql("DELETE FROM list_sync_failure WHERE person_id = :p").param("p", personId).update();
    }

    public List<Map<String, Object>> memberships(long personId) {
        return jdbc.sql("""
                SELECT list_key, subscribed, pushed_at FROM list_sync_member WHERE person_id = :p ORDER BY list_key""")
                .param("p", personId)
                .query((rs, row) -> Map.<String, Object>of("list", rs.getString(1), "sentAsSubscribed",
                        rs.getBoolean(2), "sentAt", rs.getTimestamp(3).toInstant().toString()))
                .list();
    }

    /** Hex SHA-256 of the trimmed, lower-case address, as {@code list_sync_member} keys it. */
    public static String sha256(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static PlanRow planRow(ResultSet rs) throws SQLException {
        String state = rs.getString("state");
        return new PlanRow(PlanRow.Category.valueOf(rs.getString("category")), rs.getObject("person_id", Long.class),
                rs.getString("email"), rs.getString("email_sha256"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("zip"), state == null ? null : state.trim(),
                Arrays.asList((String[]) rs.getArray("tags").getArray()), rs.getString("fingerprint"),
                rs.getString("remote_id"));
    }

    private static SyncRun run(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SyncRun(rs.getLong("id"), rs.getString("list_key"), rs.getBoolean("dry_run"),
                SyncRunStatus.valueOf(rs.getString("status")), rs.getObject("job_id", Long.class),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                new SyncPlan(rs.getLong("planned_add"), rs.getLong("planned_update"),
                        rs.getLong("planned_unsubscribe"), rs.getLong("planned_remove")),
                rs.getLong("done_added"), rs.getLong("done_updated"), rs.getLong("done_unsubscribed"),
                rs.getLong("done_removed"), rs.getLong("done_failed"), rs.getLong("pulled_back"),
                rs.getString("message"));
    }
}
