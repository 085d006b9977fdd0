package org.grassroots.crm.exports.internal;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.grassroots.crm.exports.ExportSegment;

/**
 * The FROM and WHERE of every export query: the people of a segment who currently consent to the partner, neither
 * merged away nor erased. Consent is a join, so nobody without it can reach a row. Values are bound parameters.
 */
final class ExportSegmentSql {

    private ExportSegmentSql() {
    }

    static String fromWhere(long partnerId, ExportSegment segment, boolean donorSummary,
            Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder("""
                 FROM person p
                JOIN partner_consent pc ON pc.person_id = p.id AND pc.partner_id = :partner AND pc.withdrawn_at IS NULL
                LEFT JOIN person_email pe ON pe.person_id = p.id AND pe.is_primary
                """);
        parameters.put("partner", partnerId);
        if (donorSummary) {
            sql.append("LEFT JOIN donor_summary ds ON ds.person_id = p.id\n");
        }
        sql.append("WHERE p.merged_into_id IS NULL AND p.erased_at IS NULL");
        if (!segment.petitionIds().isEmpty()) {
            sql.append("""

                     AND EXISTS (SELECT 1 FROM signature s WHERE s.person_id = p.id
                                 AND s.petition_id = ANY(CAST(:petitions AS bigint[])))""");
            parameters.put("petitions", segment.petitionIds().toArray(Long[]::new));
        }
        if (!segment.tags().isEmpty()) {
            sql.append("""

                     AND EXISTS (SELECT 1 FROM person_tag pt JOIN tag t ON t.id = pt.tag_id
                                 WHERE pt.person_id = p.id AND lower(t.name) = ANY(CAST(:tags AS text[])))""");
            parameters.put("tags", segment.tags().stream().map(t -> t.strip().toLowerCase(Locale.ROOT))
                    .toArray(String[]::new));
        }
        if (!segment.states().isEmpty()) {
            sql.append(" AND p.state = ANY(CAST(:states AS char(2)[]))");
            parameters.put("states", segment.states().stream().map(Enum::name).toArray(String[]::new));
        }
        if (segment.joinedFrom() != null) {
            sql.append(" AND p.created_at >= :joinedFrom");
            parameters.put("joinedFrom", Timestamp.from(segment.joinedFrom().atStartOfDay(ZoneOffset.UTC)
                    .toInstant()));
        }
        if (segment.joinedTo() != null) {
            sql.append(" AND p.created_at < :joinedBefore");
            parameters.put("joinedBefore", Timestamp.from(segment.joinedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC)
                    .toInstant()));
        }
        if (!segment.statuses().isEmpty()) {
            sql.append(" AND pe.status = ANY(CAST(:statuses AS text[]))");
            parameters.put("statuses", segment.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        return sql.toString();
    }
}
