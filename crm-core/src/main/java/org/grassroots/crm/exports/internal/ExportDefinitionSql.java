package org.grassroots.crm.exports.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.grassroots.crm.exports.ApprovalCapacity;
import org.grassroots.crm.exports.ExportApproval;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportDraft;
import org.grassroots.crm.exports.ExportField;
import org.grassroots.crm.exports.ExportSegment;
import org.grassroots.crm.exports.ExportStatus;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.SubscriptionStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Export definitions and their approvals; status changes check the status they move from. */
@Repository
public class ExportDefinitionSql {

    private static final String SELECT = """
            SELECT d.*, pa.name AS partner_name FROM export_definition d JOIN partner pa ON pa.id = d.partner_id
            """;

    private final JdbcClient jdbc;

    ExportDefinitionSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String name, ExportDraft draft, String formatId, String requestedBy, Instant at, long size) {
        ExportSegment segment = draft.segment();
        return jdbc.sql("""
                INSERT INTO export_definition (name, partner_id, petition_ids, tags, states, joined_from, joined_to,
                    email_statuses, fields, format_id, requested_by, requested_at, size_at_request, updated_at)
                VALUES (:name, :partner, :petitions, :tags, :states, :joinedFrom, :joinedTo, :statuses, :fields,
                    :format, :by, :at, :size, :at)
                RETURNING id""")
                .param("name", name).param("partner", draft.partnerId())
                .param("petitions", segment.petitionIds().stream().sorted().toArray(Long[]::new))
                .param("tags", segment.tags().stream().sorted().toArray(String[]::new))
                .param("states", segment.states().stream().sorted().map(Enum::name).toArray(String[]::new))
                .param("joinedFrom", date(segment.joinedFrom())).param("joinedTo", date(segment.joinedTo()))
                .param("statuses", segment.statuses().stream().sorted().map(Enum::name).toArray(String[]::new))
                .param("fields", draft.fields().stream().map(Enum::name).toArray(String[]::new))
                .param("format", formatId).param("by", requestedBy).param("at", Timestamp.from(at))
                .param("size", size).query(Long.class).single();
    }

    public Optional<ExportDefinition> find(long id) {
        Map<Long, List<ExportApproval>> approvals = approvals(List.of(id));
        return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id)
                .query((rs, row) -> definition(rs, approvals)).optional();
    }

    /** Newest first; {@code status} narrows when given. */
    public List<ExportDefinition> page(@Nullable ExportStatus status, int offset, int limit) {
        List<Long> ids = jdbc.sql("""
                SELECT id FROM export_definition WHERE CAST(:status AS text) IS NULL OR status = :status
                ORDER BY id DESC OFFSET :offset LIMIT :limit""")
                .param("status", status == null ? null : status.name()).param("offset", offset)
                .param("limit", limit).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ExportApproval>> approvals = approvals(ids);
        return jdbc.sql(SELECT + " WHERE d.id = ANY(CAST(:ids AS bigint[])) ORDER BY d.id DESC")
                .param("ids", ids.toArray(Long[]::new)).query((rs, row) -> definition(rs, approvals)).list();
    }

    /** Which of these petition ids exist. */
    public List<Long> existingPetitions(Set<Long> ids) {
        return jdbc.sql("SELECT id FROM petition WHERE id = ANY(CAST(:ids AS bigint[]))")
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).list();
    }

    public Optional<ExportStatus> lockStatus(long id) {
        return jdbc.sql("SELECT status FROM export_definition WHERE id = :id FOR UPDATE").param("id", id)
                .query(String.class).optional().map(ExportStatus::valueOf);
    }

    /** @return false when this person already approved the definition */
    public boolean addApproval(long id, String approver, ApprovalCapacity capacity, long size, Instant at) {
        return jdbc.sql("""
                INSERT INTO export_approval (definition_id, approver, capacity, size, approved_at)
                VALUES (:id, :approver, :capacity, :size, :at) ON CONFLICT DO NOTHING""")
                .param("id", id).param("approver", approver).param("capacity", capacity.name()).param("size", size)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    public void markApproved(long id, Instant at) {
        move(id, ExportStatus.PENDING_APPROVAL, ExportStatus.APPROVED, "approved_at = :at", at, Map.of());
    }

    public void markRejected(long id, String by, String reason, Instant at) {
        move(id, ExportStatus.PENDING_APPROVAL, ExportStatus.REJECTED,
                "rejected_by = :by, rejected_at = :at, rejection_reason = :reason", at,
                Map.of("by", by, "reason", reason));
    }

    public void markPendingAgain(long id, Instant at) {
        move(id, ExportStatus.APPROVED, ExportStatus.PENDING_APPROVAL, "approved_at = NULL", at, Map.of());
    }

    public void markReady(long id, long rows, Instant expiresAt, Instant at) {
        move(id, ExportStatus.APPROVED, ExportStatus.READY, "ready_at = :at, row_count = :rows, expires_at = :expires",
                at, Map.of("rows", rows, "expires", Timestamp.from(expiresAt)));
    }

    public void markExpired(long id, Instant at) {
        move(id, ExportStatus.READY, ExportStatus.EXPIRED, "expired_at = :at", at, Map.of());
    }

    /** Ready definitions whose expiry time has come, oldest first. */
    public List<Long> dueForExpiry(Instant now) {
        return jdbc.sql("SELECT id FROM export_definition WHERE status = 'READY' AND expires_at <= :now ORDER BY id")
                .param("now", Timestamp.from(now)).query(Long.class).list();
    }

    private void move(long id, ExportStatus from, ExportStatus to, String set, Instant at, Map<String, ?> values) {
        var statement = jdbc.sql("UPDATE export_definition SET status = :to, updated_at = :at, " + set
                + " WHERE id = :id AND status = :from")
                .param("id", id).param("from", from.name()).param("to", to.name()).param("at", Timestamp.from(at));
        values.forEach(statement::param);
        if (statement.update() != 1) {
            throw new IllegalStateException("Export #" + id + " was not " + from + " when moving it to " + to);
        }
    }

    private Map<Long, List<ExportApproval>> approvals(List<Long> ids) {
        return jdbc.sql("""
                SELECT definition_id, approver, capacity, size, approved_at FROM export_approval
                WHERE definition_id = ANY(CAST(:ids AS bigint[])) ORDER BY approved_at, approver""")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, row) -> Map.entry(rs.getLong(1), new ExportApproval(rs.getString(2),
                        ApprovalCapacity.valueOf(rs.getString(3)), rs.getLong(4), rs.getTimestamp(5).toInstant())))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static ExportDefinition definition(ResultSet rs, Map<Long, List<ExportApproval>> approvals)
            throws SQLException {
        long id = rs.getLong("id");
        ExportSegment segment = new ExportSegment(
                Set.of(array(rs.getArray("petition_ids"), Long[].class)),
                Set.of(array(rs.getArray("tags"), String[].class)),
                values(rs.getArray("states"), text -> UsState.valueOf(text.trim().toUpperCase(Locale.ROOT))),
                localDate(rs.getDate("joined_from")), localDate(rs.getDate("joined_to")),
                values(rs.getArray("email_statuses"), SubscriptionStatus::valueOf));
        List<ExportField> fields = Arrays.stream(array(rs.getArray("fields"), String[].class))
                .map(ExportField::valueOf).toList();
        return new ExportDefinition(id, rs.getString("name"), rs.getLong("partner_id"), rs.getString("partner_name"),
                ExportStatus.valueOf(rs.getString("status")), segment, fields, rs.getString("format_id"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getLong("size_at_request"), approvals.getOrDefault(id, List.of()),
                instant(rs.getTimestamp("approved_at")), rs.getString("rejected_by"),
                instant(rs.getTimestamp("rejected_at")), rs.getString("rejection_reason"),
                instant(rs.getTimestamp("ready_at")), rs.getObject("row_count", Long.class),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("expired_at")));
    }

    private static <T> T[] array(Array array, Class<T[]> type) throws SQLException {
        return type.cast(array.getArray());
    }

    private static <E> Set<E> values(Array array, Function<String, E> parse) throws SQLException {
        return Arrays.stream(array(array, String[].class)).map(parse).collect(Collectors.toSet());
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static @Nullable LocalDate localDate(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
