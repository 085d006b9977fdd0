package org.grassroots.crm.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.people.Note;
import org.grassroots.crm.people.SubscriptionChange;
import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.people.TimelineEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A supporter's history in plain SQL: subscription events, notes, their own timeline and where merges led. */
@Repository
public class PersonHistory {

    private static final int MAX_MERGE_CHAIN = 100;

    private final JdbcClient jdbc;

    PersonHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends one subscription change. Takes the subscription ledger's shared lock first, as every writer of
     * {@code subscription_event} must (see {@link SubscriptionLedgerSql}).
     */
    public void recordSubscription(long personId, String email, SubscriptionStatus status, String cause,
            String source, Instant occurredAt) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:key)").param("key", SubscriptionLedgerSql.LEDGER_LOCK)
                .query().singleRow();
        jdbc.sql("""
                INSERT INTO subscription_event (person_id, email, status, cause, source, occurred_at)
                VALUES (:personId, :email, :status, :cause, :source, :occurredAt)
                """)
                .param("personId", personId).param("email", email).param("status", status.name())
                .param("cause", cause).param("source", source)
                .param("occurredAt", Timestamp.from(occurredAt))
                .update();
    }

    /** Every subscription change of the person's addresses, oldest first. */
    public List<SubscriptionChange> subscriptionChanges(long personId) {
        return jdbc.sql("""
                SELECT occurred_at, email, status, cause, source FROM subscription_event
                WHERE person_id = :personId ORDER BY occurred_at, id
                """)
                .param("personId", personId)
                .query((rs, row) -> new SubscriptionChange(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("email"), SubscriptionStatus.valueOf(rs.getString("status")),
                        rs.getString("cause"), rs.getString("source")))
                .list();
    }

    public void addNote(long personId, String author, String body) {
        jdbc.sql("INSERT INTO person_note (person_id, author, body) VALUES (:personId, :author, :body)")
                .param("personId", personId).param("author", author).param("body", body)
                .update();
    }

    public List<Note> notes(long personId, int limit) {
        return jdbc.sql("""
                SELECT id, author, body, created_at FROM person_note
                WHERE person_id = :personId ORDER BY created_at DESC, id DESC LIMIT :limit
                """)
                .param("personId", personId).param("limit", limit)
                .query((rs, row) -> new Note(rs.getLong("id"), rs.getString("author"), rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The person's own entries (added, subscription changes, notes, merged duplicates), newest first. */
    public List<TimelineEntry> ownTimeline(long personId, int limit) {
        return jdbc.sql("""
                (SELECT created_at AS occurred_at, 'CREATED' AS kind, 'Added as a supporter' AS title,
                        CASE WHEN source IS NULL THEN NULL ELSE 'Source: ' || source END AS detail,
                        NULL AS status
                 FROM person WHERE id = :personId)
                UNION ALL
                (SELECT occurred_at, 'SUBSCRIPTION', email, cause || coalesce(' · ' || source, ''), status
                 FROM subscription_event WHERE person_id = :personId ORDER BY occurred_at DESC LIMIT :limit)
                UNION ALL
                (SELECT created_at, 'NOTE', 'Note by ' || author, body, NULL
                 FROM person_note WHERE person_id = :personId ORDER BY created_at DESC LIMIT :limit)
                UNION ALL
                (SELECT updated_at, 'MERGE', 'Merged duplicate #' || id || ' into this supporter', NULL, NULL
                 FROM person WHERE merged_into_id = :personId ORDER BY updated_at DESC LIMIT :limit)
                ORDER BY occurred_at DESC
                LIMIT :limit
                """)
                .param("personId", personId).param("limit", limit)
                .query(PersonHistory::timelineEntry)
                .list();
    }

    /** The person {@code id} became by following merges; empty when no such person exists. */
    public Optional<Long> survivorOf(long id) {
        return jdbc.sql("""
                WITH RECURSIVE chain (id, merged_into_id, depth) AS (
                    SELECT id, merged_into_id, 0 FROM person WHERE id = :id
                    UNION ALL
                    SELECT p.id, p.merged_into_id, c.depth + 1
                    FROM person p JOIN chain c ON p.id = c.merged_into_id
                    WHERE c.depth < :maxDepth
                )
                SELECT id FROM chain WHERE merged_into_id IS NULL
                """)
                .param("id", id).param("maxDepth", MAX_MERGE_CHAIN)
                .query(Long.class).optional();
    }

    private static TimelineEntry timelineEntry(ResultSet rs, int row) throws SQLException {
        String title = rs.getString("title");
        String status = rs.getString("status");
        if (status != null) {
            title = title + ": " + SubscriptionStatus.valueOf(status).label();
        }
        return new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"), title,
                rs.getString("detail"), null);
    }
}
