package org.grassroots.crm.people.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.crm.people.SubscriptionLedgerEntry;
import org.grassroots.crm.people.SubscriptionStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The subscription ledger in SQL: status changes reported by systems, applied set-based, and the history read back
 * in sequence ({@code subscription_event} ids, with erasures from {@code subscription_erasure} numbered from the same
 * sequence).
 *
 * <p>A reader that pages by id must never skip a row that commits late with a lower id. So every transaction that
 * adds ledger rows first takes {@link #lockForWriting() the shared ledger lock}, and the reader reads only while it
 * holds the same lock exclusively, when no such transaction is in flight. Anything that inserts into
 * {@code subscription_event} or {@code subscription_erasure} must take the shared lock in its transaction.
 */
@Repository
public class SubscriptionLedgerSql {

    /** The advisory lock key of the ledger ("LEDGER" and 1). */
    static final long LEDGER_LOCK = 0x4C45_4447_4552_0001L;

    /** An address under a row lock, with its owner. */
    public record LockedAddress(long id, long personId, String email, SubscriptionStatus status) {
    }

    /** A status change to store. */
    public record StatusWrite(long addressId, long personId, String email, SubscriptionStatus status, String cause,
            String source, Instant at) {
    }

    private final JdbcClient jdbc;

    SubscriptionLedgerSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the ledger lock shared until the transaction ends; writers do not block each other. */
    public void lockForWriting() {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:key)").param("key", LEDGER_LOCK).query().singleRow();
    }

    /**
     * Tries to take the ledger lock exclusively until the transaction ends, without waiting.
     *
     * @return whether it was taken (false while a writer is in flight)
     */
    public boolean tryLockForReading() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", LEDGER_LOCK).query(Boolean.class)
                .single();
    }

    /** The status of a normalised address, if a supporter has it. */
    public Optional<SubscriptionStatus> statusOf(String email) {
        return jdbc.sql("SELECT status FROM person_email WHERE email = :email").param("email", email)
                .query(String.class).optional().map(SubscriptionStatus::valueOf);
    }

    /**
     * Locks the given (normalised) addresses and their owners, owners first and in id order, the order merge and
     * erasure lock people in, so none of them can deadlock with this.
     */
    public Map<String, LockedAddress> lockAddresses(Collection<String> emails) {
        Map<String, LockedAddress> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT pe.id, pe.person_id, pe.email, pe.status
                FROM person_email pe JOIN person p ON p.id = pe.person_id
                WHERE pe.email = ANY(CAST(:emails AS text[]))
                ORDER BY p.id, pe.id
                FOR UPDATE OF p, pe
                """)
                .param("emails", emails.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    found.put(rs.getString("email"), new LockedAddress(rs.getLong("id"), rs.getLong("person_id"),
                            rs.getString("email"), SubscriptionStatus.valueOf(rs.getString("status"))));
                });
        return found;
    }

    /**
     * Stores changes set-based: each address gets its last status, each change its own history row (same columns
     * as a staff change), and each person a new {@code updated_at} and version.
     */
    public void write(List<StatusWrite> writes, Instant now) {
        if (writes.isEmpty()) {
            return;
        }
        Map<Long, StatusWrite> lastPerAddress = new LinkedHashMap<>();
        writes.forEach(write -> lastPerAddress.put(write.addressId(), write));
        jdbc.sql("""
                UPDATE person_email pe SET status = v.status, status_changed_at = v.at
                FROM unnest(CAST(:ids AS bigint[]), CAST(:statuses AS text[]), CAST(:ats AS timestamptz[]))
                     AS v (id, status, at)
                WHERE pe.id = v.id
                """)
                .param("ids", lastPerAddress.keySet().stream().mapToLong(Long::longValue).toArray())
                .param("statuses", lastPerAddress.values().stream().map(w -> w.status().name()).toArray(String[]::new))
                .param("ats", lastPerAddress.values().stream().map(w -> w.at().toString()).toArray(String[]::new))
                .update();
        jdbc.sql("""
                INSERT INTO subscription_event (person_id, email, status, cause, source, occurred_at)
                SELECT person_id, email, status, cause, source, at
                FROM unnest(CAST(:people AS bigint[]), CAST(:emails AS text[]), CAST(:statuses AS text[]),
                            CAST(:causes AS text[]), CAST(:sources AS text[]), CAST(:ats AS timestamptz[]))
                     WITH ORDINALITY AS v (person_id, email, status, cause, source, at, n)
                ORDER BY n
                """)
                .param("people", writes.stream().mapToLong(StatusWrite::personId).toArray())
                .param("emails", writes.stream().map(StatusWrite::email).toArray(String[]::new))
                .param("statuses", writes.stream().map(w -> w.status().name()).toArray(String[]::new))
                .param("causes", writes.stream().map(StatusWrite::cause).toArray(String[]::new))
                .param("sources", writes.stream().map(StatusWrite::source).toArray(String[]::new))
                .param("ats", writes.stream().map(w -> w.at().toString()).toArray(String[]::new))
                .update();
        jdbc.sql("""
                UPDATE person SET updated_at = :now, version = version + 1
                WHERE id = ANY(CAST(:people AS bigint[]))
                """)
                .param("now", Timestamp.from(now))
                .param("people", writes.stream().mapToLong(StatusWrite::personId).distinct().toArray())
                .update();
    }

    /**
     * Gives the owner of {@code old} a new address, primary, with the old one's status, and records that in the
     * history; the old address stays, no longer primary. Call with both addresses locked and the new one free.
     */
    public void addPrimaryAddress(LockedAddress old, String newEmail, String cause, String source, Instant at,
            Instant now) {
        jdbc.sql("UPDATE person_email SET is_primary = FALSE WHERE person_id = :person AND is_primary")
                .param("person", old.personId()).update();
        jdbc.sql("""
                INSERT INTO person_email (person_id, email, is_primary, status, status_changed_at)
                VALUES (:person, :email, TRUE, :status, :at)
                """)
                .param("person", old.personId()).param("email", newEmail).param("status", old.status().name())
                .param("at", Timestamp.from(at)).update();
        jdbc.sql("""
                INSERT INTO subscription_event (person_id, email, status, cause, source, occurred_at)
                VALUES (:person, :email, :status, :cause, :source, :at)
                """)
                .param("person", old.personId()).param("email", newEmail).param("status", old.status().name())
                .param("cause", cause).param("source", source).param("at", Timestamp.from(at)).update();
        jdbc.sql("UPDATE person SET updated_at = :now, version = version + 1 WHERE id = :person")
                .param("now", Timestamp.from(now)).param("person", old.personId()).update();
    }

    /** Adds one ledger entry per erased address, holding only the SHA-256 of the address. */
    public void recordErasure(long personId, List<String> normalisedEmails) {
        if (normalisedEmails.isEmpty()) {
            return;
        }
        lockForWriting();
        jdbc.sql("""
                INSERT INTO subscription_erasure (person_id, email_sha256)
                SELECT :personId, h FROM unnest(CAST(:hashes AS text[])) WITH ORDINALITY AS v (h, n) ORDER BY n
                """)
                .param("personId", personId)
                .param("hashes", normalisedEmails.stream().map(SubscriptionLedgerSql::sha256).toArray(String[]::new))
                .update();
    }

    /** The history after {@code sequence}, oldest first; call while holding the exclusive ledger lock. */
    public List<SubscriptionLedgerEntry> after(long sequence, int limit) {
        return jdbc.sql("""
                SELECT * FROM (
                    (SELECT id, person_id, email, NULL AS email_sha256, status, cause, source, occurred_at AS at
                     FROM subscription_event WHERE id > :after ORDER BY id LIMIT :limit)
                    UNION ALL
                    (SELECT id, person_id, NULL, email_sha256, NULL, 'Erased in the CRM', 'crm', erased_at
                     FROM subscription_erasure WHERE id > :after ORDER BY id LIMIT :limit)
                ) AS ledger
                ORDER BY id LIMIT :limit
                """)
                .param("after", sequence).param("limit", limit)
                .query(SubscriptionLedgerSql::entry)
                .list();
    }

    /** Hex SHA-256 of an address exactly as given (callers pass it normalised: trimmed, lower-case). */
    public static String sha256(String normalisedEmail) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalisedEmail.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static SubscriptionLedgerEntry entry(ResultSet rs, int row) throws SQLException {
        String email = rs.getString("email");
        String status = rs.getString("status");
        @Nullable String source = rs.getString("source");
        return new SubscriptionLedgerEntry(rs.getLong("id"), rs.getLong("person_id"), email,
                email != null ? sha256(email) : rs.getString("email_sha256"),
                status == null ? null : SubscriptionStatus.valueOf(status), rs.getString("cause"),
                source == null ? "" : source, rs.getTimestamp("at").toInstant());
    }
}
