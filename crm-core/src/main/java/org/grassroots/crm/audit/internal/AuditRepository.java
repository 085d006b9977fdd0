package org.grassroots.crm.audit.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.audit.AuditEvent;
import org.grassroots.crm.audit.AuditFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code audit_event}: inserts, and filtered newest-first pages served by the indexes. */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String actor, String action, String targetType, String targetId, String clientAddress,
            String detailsJson) {
        jdbc.sql("""
                INSERT INTO audit_event (actor, action, target_type, target_id, client_address, details)
                VALUES (:actor, :action, :targetType, :targetId, :clientAddress, CAST(:details AS jsonb))
                """)
                .param("actor", actor).param("action", action).param("targetType", targetType)
                .param("targetId", targetId).param("clientAddress", clientAddress).param("details", detailsJson)
                .update();
    }

    public List<AuditEvent> find(AuditFilter filter, int offset, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            conditions.add("actor = :actor");
            params.put("actor", filter.actor().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
            params.put("action", filter.action().name());
        }
        if (filter.target() != null && !filter.target().isBlank()) {
            conditions.add("target_id = :target");
            params.put("target", filter.target().trim());
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, target_type, target_id, client_address, details::text AS details
                FROM audit_event %s
                ORDER BY id DESC
                LIMIT :limit OFFSET :offset
                """.formatted(where))
                .params(params)
                .query((rs, row) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
                        rs.getString("target_id"), rs.getString("client_address"), rs.getString("details")))
                .list();
    }

    public long countSince(String action, java.time.Instant since) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND occurred_at >= :since")
                .param("action", action).param("since", Timestamp.from(since))
                .query(Long.class).single();
    }
}
