package org.grassroots.crm.volunteers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.volunteers.EventKind;
import org.grassroots.crm.volunteers.EventPeriod;
import org.grassroots.crm.volunteers.EventRow;
import org.grassroots.crm.volunteers.ShiftRow;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over events and shifts with their fill levels (places taken by signed-up, confirmed or attended people). */
@Repository
public class EventQueries {

    private static final String FILLED_SQL = """
            (SELECT count(*) FROM signup s WHERE s.shift_id = sh.id
             AND s.status IN ('SIGNED_UP', 'CONFIRMED', 'ATTENDED'))""";

    private final JdbcClient jdbc;

    EventQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of events: upcoming ones (ending at or after {@code dayStart}) soonest first, past ones newest first,
     * both with an id tiebreaker on {@code event_starts_idx}.
     */
    public List<EventRow> find(EventPeriod period, LocalDateTime dayStart, @Nullable EventKind kind,
            @Nullable UsState state, int offset, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        conditions.add(period == EventPeriod.UPCOMING ? "e.ends_at >= :dayStart" : "e.ends_at < :dayStart");
        params.put("dayStart", dayStart);
        if (kind != null) {
            conditions.add("e.kind = :kind");
            params.put("kind", kind.name());
        }
        if (state != null) {
            conditions.add("e.state = :state");
            params.put("state", state.name());
        }
        String order = period == EventPeriod.UPCOMING ? "e.starts_at, e.id" : "e.starts_at DESC, e.id DESC";
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("""
                SELECT e.id, e.kind, e.title, e.starts_at, e.ends_at, e.place, e.state,
                       f.shifts, f.capacity, f.filled
                FROM event e
                CROSS JOIN LATERAL (
                    SELECT count(*) AS shifts, coalesce(sum(sh.capacity), 0) AS capacity,
                           coalesce(sum(%s), 0) AS filled
                    FROM shift sh WHERE sh.event_id = e.id) f
                WHERE %s
                ORDER BY %s
                OFFSET :offset LIMIT :limit
                """.formatted(FILLED_SQL, String.join(" AND ", conditions), order))
                .params(params)
                .query((rs, row) -> new EventRow(rs.getLong("id"), EventKind.valueOf(rs.getString("kind")),
                        rs.getString("title"), localDateTime(rs, "starts_at"), localDateTime(rs, "ends_at"),
                        rs.getString("place"), state(rs.getString("state")), rs.getInt("shifts"),
                        rs.getInt("filled"), rs.getInt("capacity")))
                .list();
    }

    public List<ShiftRow> shifts(long eventId) {
        return jdbc.sql("""
                SELECT sh.id, sh.event_id, sh.role, sh.starts_at, sh.ends_at, sh.capacity, %s AS filled
                FROM shift sh WHERE sh.event_id = :eventId ORDER BY sh.starts_at, sh.id
                """.formatted(FILLED_SQL)).param("eventId", eventId)
                .query((rs, row) -> shiftRow(rs)).list();
    }

    public ShiftRow shift(long shiftId) {
        return jdbc.sql("""
                SELECT sh.id, sh.event_id, sh.role, sh.starts_at, sh.ends_at, sh.capacity, %s AS filled
                FROM shift sh WHERE sh.id = :shiftId
                """.formatted(FILLED_SQL)).param("shiftId", shiftId)
                .query((rs, row) -> shiftRow(rs)).single();
    }

    public long countEndingFrom(LocalDateTime dayStart) {
        return jdbc.sql("SELECT count(*) FROM event WHERE ends_at >= :dayStart").param("dayStart", dayStart)
                .query(Long.class).single();
    }

    private static ShiftRow shiftRow(ResultSet rs) throws SQLException {
        return new ShiftRow(rs.getLong("id"), rs.getLong("event_id"), rs.getString("role"),
                localDateTime(rs, "starts_at"), localDateTime(rs, "ends_at"), rs.getInt("capacity"),
                rs.getInt("filled"));
    }

    static LocalDateTime localDateTime(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    static @Nullable UsState state(@Nullable String code) {
        return code == null ? null : UsState.valueOf(code.trim());
    }
}
