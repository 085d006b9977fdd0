package org.grassroots.crm.exports.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.exports.Cosponsor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Petition co-sponsors, and their signers' consents recorded with a few set-based statements. */
@Repository
public class CosponsorSql {

    private final JdbcClient jdbc;

    CosponsorSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean lockPetition(long petitionId) {
        return jdbc.sql("SELECT id FROM petition WHERE id = :id FOR UPDATE").param("id", petitionId)
                .query(Long.class).optional().isPresent();
    }

    /** Which of these partner ids exist. */
    public List<Long> existingPartners(List<Long> partnerIds) {
        return jdbc.sql("SELECT id FROM partner WHERE id = ANY(CAST(:ids AS bigint[])) ORDER BY id")
                .param("ids", partnerIds.toArray(Long[]::new)).query(Long.class).list();
    }

    /** Makes these partners the petition's co-sponsors, with one notice; partners left out stop co-sponsoring. */
    public void replace(long petitionId, List<Long> partnerIds, long noticeId, String by, Instant at) {
        Long[] ids = partnerIds.toArray(Long[]::new);
        jdbc.sql("""
                DELETE FROM petition_cosponsor
                WHERE petition_id = :petition AND NOT (partner_id = ANY(CAST(:ids AS bigint[])))""")
                .param("petition", petitionId).param("ids", ids).update();
        jdbc.sql("""
                INSERT INTO petition_cosponsor (petition_id, partner_id, notice_id, added_by, added_at)
                SELECT :petition, unnest(CAST(:ids AS bigint[])), :notice, :by, :at
                ON CONFLICT (petition_id, partner_id) DO UPDATE SET notice_id = EXCLUDED.notice_id""")
                .param("petition", petitionId).param("ids", ids).param("notice", noticeId).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    public List<Cosponsor> cosponsors(long petitionId) {
        return jdbc.sql("""
                SELECT c.petition_id, c.partner_id, pa.name, n.text
                FROM petition_cosponsor c JOIN partner pa ON pa.id = c.partner_id
                JOIN consent_notice n ON n.id = c.notice_id
                WHERE c.petition_id = :petition ORDER BY lower(pa.name), pa.id""")
                .param("petition", petitionId)
                .query((rs, row) -> new Cosponsor(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Grants each co-sponsor's consent, dated when they signed, to every active signer who ticked the co-sponsor
     * box and has no current consent for that partner, unless they withdrew it after signing. Running it again
     * grants nothing twice. A withdrawal that lands meanwhile is kept: the upsert only replaces an older one.
     *
     * @param personId only this signer, or {@code null} for every signer of the petition
     * @return new grants per partner id
     */
    public Map<Long, Long> recordConsents(long petitionId, @Nullable Long personId, String by) {
        Map<Long, Long> granted = new LinkedHashMap<>();
        jdbc.sql("""
                WITH candidate AS (
                    SELECT s.person_id, c.partner_id, c.notice_id, s.signed_at
                    FROM signature s
                    JOIN petition_cosponsor c ON c.petition_id = s.petition_id
                    JOIN person p ON p.id = s.person_id AND p.merged_into_id IS NULL AND p.erased_at IS NULL
                    LEFT JOIN partner_consent pc ON pc.person_id = s.person_id AND pc.partner_id = c.partner_id
                    WHERE s.petition_id = :petition AND s.cosponsor_consent
                      AND (CAST(:person AS bigint) IS NULL OR s.person_id = CAST(:person AS bigint))
                      AND (pc.person_id IS NULL OR pc.withdrawn_at < s.signed_at)),
                event AS (
                    INSERT INTO partner_consent_event (person_id, partner_id, kind, occurred_at, notice_id,
                        source_kind, source_petition_id, recorded_by)
                    SELECT person_id, partner_id, 'GRANTED', signed_at, notice_id, 'PETITION_COSPONSOR', :petition, :by
                    FROM candidate
                    RETURNING id, person_id, partner_id, occurred_at),
                current AS (
                    INSERT INTO partner_consent AS pc (person_id, partner_id, granted_event_id, granted_at)
                    SELECT person_id, partner_id, id, occurred_at FROM event
                    ON CONFLICT (person_id, partner_id) DO UPDATE SET granted_event_id = EXCLUDED.granted_event_id,
                        granted_at = EXCLUDED.granted_at, withdrawn_event_id = NULL, withdrawn_at = NULL
                    WHERE pc.withdrawn_at < EXCLUDED.granted_at
                    RETURNING pc.partner_id)
                SELECT partner_id, count(*) FROM current GROUP BY partner_id ORDER BY partner_id""")
                .param("petition", petitionId).param("person", personId).param("by", by)
                .query((rs, row) -> granted.put(rs.getLong(1), rs.getLong(2))).list();
        return granted;
    }
}
