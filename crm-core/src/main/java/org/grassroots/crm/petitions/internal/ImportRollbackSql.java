package org.grassroots.crm.petitions.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.grassroots.crm.people.SubscriptionLedgerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Undoing one import in the caller's transaction: its signatures go, the supporters it alone brought in go, and the
 * subscriptions it started are withdrawn where nothing has changed them since. Fields it filled on existing
 * supporters stay: they only ever filled blanks, and staff may have relied on them since.
 */
@Repository
public class ImportRollbackSql {

    /**
     * "Other history": anything but the batch's own rows that ties a supporter created by the batch to the CRM. Every
     * table that references {@code person} is here or handled below; a test keeps this list complete.
     */
    private static final String KEEPS_PERSON = """
            p.version > 0 OR p.merged_into_id IS NOT NULL OR p.erased_at IS NOT NULL
            OR EXISTS (SELECT 1 FROM person m WHERE m.merged_into_id = p.id)
            OR EXISTS (SELECT 1 FROM signature x WHERE x.person_id = p.id)
            OR EXISTS (SELECT 1 FROM donation x WHERE x.person_id = p.id)
            OR EXISTS (SELECT 1 FROM recurring_plan x WHERE x.person_id = p.id)
            OR EXISTS (SELECT 1 FROM volunteer x WHERE x.person_id = p.id)
            OR EXISTS (SELECT 1 FROM signup x WHERE x.person_id = p.id)
            OR EXISTS (SELECT 1 FROM person_note x WHERE x.person_id = p.id)
            OR EXISTS (SELECT 1 FROM person_tag x WHERE x.person_id = p.id)
            OR EXISTS (SELECT 1 FROM subscription_erasure x WHERE x.person_id = p.id)
            OR EXISTS (SELECT 1 FROM partner_consent x WHERE x.person_id = p.id)
            OR EXISTS (SELECT 1 FROM partner_consent_event x WHERE x.person_id = p.id)
            OR EXISTS (SELECT 1 FROM person_email x WHERE x.person_id = p.id AND NOT x.is_primary)
            OR EXISTS (SELECT 1 FROM subscription_event x WHERE x.person_id = p.id
                       AND x.import_batch_id IS DISTINCT FROM p.import_batch_id)""";

    private final JdbcClient jdbc;
    private final SubscriptionLedgerLock ledgerLock;

    ImportRollbackSql(JdbcClient jdbc, SubscriptionLedgerLock ledgerLock) {
        this.jdbc = jdbc;
        this.ledgerLock = ledgerLock;
    }

    /** @return the number of supporters removed */
    public long rollBack(long batchId, Instant now, String cause) {
        ledgerLock.lockForWriting();
        jdbc.sql("DELETE FROM signature WHERE import_batch_id = :batch").param("batch", batchId).update();
        jdbc.sql("CREATE TEMP TABLE rollback_person ON COMMIT DROP AS SELECT p.id FROM person p "
                + "WHERE p.import_batch_id = :batch AND NOT (" + KEEPS_PERSON + ")").param("batch", batchId).update();
        jdbc.sql("DELETE FROM subscription_event WHERE person_id IN (SELECT id FROM rollback_person)").update();
        jdbc.sql("DELETE FROM person_phone WHERE person_id IN (SELECT id FROM rollback_person)").update();
        jdbc.sql("DELETE FROM person_email WHERE person_id IN (SELECT id FROM rollback_person)").update();
        jdbc.sql("DELETE FROM donor_summary WHERE person_id IN (SELECT id FROM rollback_person)").update();
        long removed = jdbc.sql("DELETE FROM person WHERE id IN (SELECT id FROM rollback_person)").update();
        jdbc.sql("""
                WITH latest AS (
                    SELECT DISTINCT ON (e.email) e.email, e.import_batch_id
                    FROM subscription_event e
                    WHERE e.person_id IN (SELECT person_id FROM subscription_event WHERE import_batch_id = :batch)
                    ORDER BY e.email, e.occurred_at DESC, e.id DESC),
                withdrawn AS (
                    UPDATE person_email pe SET status = 'NOT_SUBSCRIBED', status_changed_at = :now
                    FROM latest
                    WHERE latest.import_batch_id = :batch AND pe.email = latest.email AND pe.status = 'SUBSCRIBED'
                    RETURNING pe.person_id, pe.email),
                touched AS (
                    UPDATE person p SET updated_at = :now WHERE p.id IN (SELECT person_id FROM withdrawn))
                INSERT INTO subscription_event (person_id, email, status, cause, source, occurred_at)
                SELECT person_id, email, 'NOT_SUBSCRIBED', :cause, 'petition import', :now FROM withdrawn""")
                .param("batch", batchId).param("now", Timestamp.from(now)).param("cause", cause).update();
        return removed;
    }
}
