package org.grassroots.crm.exports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.exports.ConsentEvent;
import org.grassroots.crm.exports.ConsentSource;
import org.grassroots.crm.exports.ConsentSourceKind;
import org.grassroots.crm.exports.PartnerConsent;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sharing consents: the append-only history ({@code partner_consent_event}) and the current decision per person
 * and partner ({@code partner_consent}), written together in the caller's transaction.
 */
@Repository
public class ConsentSql {

    private static final String CURRENT = """
            SELECT c.person_id, c.partner_id, pa.name AS partner_name, c.granted_at, c.withdrawn_at
            FROM partner_consent c JOIN partner pa ON pa.id = c.partner_id
            """;

    private final JdbcClient jdbc;

    ConsentSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the person exists and is neither merged away nor erased; locks their row against a merge. */
    public boolean lockActivePerson(long personId) {
        return jdbc.sql("""
                SELECT id FROM person WHERE id = :id AND merged_into_id IS NULL AND erased_at IS NULL FOR SHARE""")
                .param("id", personId).query(Long.class).optional().isPresent();
    }

    public Optional<PartnerConsent> lockCurrent(long personId, long partnerId) {
        return jdbc.sql(CURRENT + " WHERE c.person_id = :person AND c.partner_id = :partner FOR UPDATE OF c")
                .param("person", personId).param("partner", partnerId).query(ConsentSql::consent).optional();
    }

    public void grant(long personId, long partnerId, long noticeId, ConsentSource source, Instant givenAt,
            String recordedBy) {
        long eventId = jdbc.sql("""
                INSERT INTO partner_consent_event (person_id, partner_id, kind, occurred_at, notice_id, source_kind,
                    source_petition_id, source_import_batch_id, source_column, recorded_by)
                VALUES (:person, :partner, 'GRANTED', :at, :notice, :kind, :petition, :batch, :column, :by)
                RETURNING id""")
                .param("person", personId).param("partner", partnerId).param("at", Timestamp.from(givenAt))
                .param("notice", noticeId).param("kind", source.kind().name()).param("petition", source.petitionId())
                .param("batch", source.importBatchId()).param("column", source.importColumn())
                .param("by", recordedBy).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO partner_consent (person_id, partner_id, granted_event_id, granted_at)
                VALUES (:person, :partner, :event, :at)
                ON CONFLICT (person_id, partner_id) DO UPDATE SET granted_event_id = EXCLUDED.granted_event_id,
                    granted_at = EXCLUDED.granted_at, withdrawn_event_id = NULL, withdrawn_at = NULL""")
                .param("person", personId).param("partner", partnerId).param("event", eventId)
                .param("at", Timestamp.from(givenAt)).update();
    }

    public void withdraw(long personId, long partnerId, Instant at, @Nullable String note, String recordedBy) {
        jdbc.sql("""
                WITH event AS (
                    INSERT INTO partner_consent_event (person_id, partner_id, kind, occurred_at, note, recorded_by)
                    VALUES (:person, :partner, 'WITHDRAWN', :at, :note, :by) RETURNING id, occurred_at)
                UPDATE partner_consent c SET withdrawn_event_id = event.id, withdrawn_at = event.occurred_at
                FROM event WHERE c.person_id = :person AND c.partner_id = :partner""")
                .param("person", personId).param("partner", partnerId).param("at", Timestamp.from(at))
                .param("note", note).param("by", recordedBy).update();
    }

    /** The person's current decision per partner, by partner name. */
    public List<PartnerConsent> consents(long personId) {
        return jdbc.sql(CURRENT + " WHERE c.person_id = :person ORDER BY lower(pa.name), pa.id")
                .param("person", personId).query(ConsentSql::consent).list();
    }

    /** The person's consent history, newest first. */
    public List<ConsentEvent> history(long personId) {
        return jdbc.sql("""
                SELECT e.id, e.person_id, e.partner_id, pa.name AS partner_name, e.kind, e.occurred_at, n.text,
                       e.source_kind, e.source_petition_id, e.source_import_batch_id, e.source_column, e.note,
                       e.recorded_by, e.recorded_at
                FROM partner_consent_event e JOIN partner pa ON pa.id = e.partner_id
                LEFT JOIN consent_notice n ON n.id = e.notice_id
                WHERE e.person_id = :person ORDER BY e.occurred_at DESC, e.id DESC""")
                .param("person", personId).query(ConsentSql::event).list();
    }

    /**
     * A merge: the history moves to the survivor; per partner the later decision of the two people stands (a
     * withdrawal wins a tie), and a partner only the duplicate decided about moves over as it is.
     */
    public void move(long from, long into) {
        jdbc.sql("UPDATE partner_consent_event SET person_id = :into WHERE person_id = :from")
                .param("from", from).param("into", into).update();
        jdbc.sql("""
                UPDATE partner_consent s SET granted_event_id = d.granted_event_id, granted_at = d.granted_at,
                       withdrawn_event_id = d.withdrawn_event_id, withdrawn_at = d.withdrawn_at
                FROM partner_consent d
                WHERE d.person_id = :from AND s.person_id = :into AND s.partner_id = d.partner_id
                  AND (coalesce(d.withdrawn_at, d.granted_at) > coalesce(s.withdrawn_at, s.granted_at)
                       OR coalesce(d.withdrawn_at, d.granted_at) = coalesce(s.withdrawn_at, s.granted_at)
                          AND d.withdrawn_at IS NOT NULL AND s.withdrawn_at IS NULL)""")
                .param("from", from).param("into", into).update();
        jdbc.sql("""
                DELETE FROM partner_consent d WHERE d.person_id = :from
                  AND EXISTS (SELECT 1 FROM partner_consent s WHERE s.person_id = :into AND s.partner_id = d.partner_id)
                """).param("from", from).param("into", into).update();
        jdbc.sql("UPDATE partner_consent SET person_id = :into WHERE person_id = :from")
                .param("from", from).param("into", into).update();
    }

    /** Erasure: the person's consents and their history go (the history's guard lets only this transaction). */
    public void erase(long personId) {
        jdbc.sql("SELECT set_config('crm.erasing_person', :id, true)").param("id", Long.toString(personId))
                .query(String.class).single();
        jdbc.sql("DELETE FROM partner_consent WHERE person_id = :id").param("id", personId).update();
        jdbc.sql("DELETE FROM partner_consent_event WHERE person_id = :id").param("id", personId).update();
    }

    private static PartnerConsent consent(ResultSet rs, int row) throws SQLException {
        return new PartnerConsent(rs.getLong("person_id"), rs.getLong("partner_id"), rs.getString("partner_name"),
                rs.getTimestamp("granted_at").toInstant(), instant(rs.getTimestamp("withdrawn_at")));
    }

    private static ConsentEvent event(ResultSet rs, int row) throws SQLException {
        String sourceKind = rs.getString("source_kind");
        ConsentSource source = sourceKind == null ? null : new ConsentSource(ConsentSourceKind.valueOf(sourceKind),
                rs.getObject("source_petition_id", Long.class), rs.getObject("source_import_batch_id", Long.class),
                rs.getString("source_column"));
        return new ConsentEvent(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("partner_id"),
                rs.getString("partner_name"), ConsentEvent.Kind.valueOf(rs.getString("kind")),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("text"), source, rs.getString("note"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
