package org.grassroots.crm.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.people.SupporterSelection;
import org.grassroots.crm.people.SupporterSelectionSql;
import org.grassroots.crm.people.SupporterSnapshot;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/** Supporters as integrations read them, one by one or streamed in id order from a server-side cursor. */
// not @Repository: its exception translation would wrap what the caller's action throws
@Component
public class SupporterSnapshotSql {

    /** Rows the driver fetches per round trip while streaming; memory stays flat whatever the total. */
    static final int FETCH_SIZE = 1_000;

    private static final String COLUMNS = """
            SELECT p.id, p.first_name, p.last_name, pe.email, pe.status, p.state, p.zip, p.city, p.updated_at,
                   ARRAY(SELECT t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id
                         WHERE pt.person_id = p.id ORDER BY t.name) AS tags
            """;
    private static final String ACTIVE = " p.merged_into_id IS NULL AND p.erased_at IS NULL ";

    private final JdbcClient jdbc;

    SupporterSnapshotSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SupporterSnapshot> find(long activeId) {
        return jdbc.sql(COLUMNS + """
                FROM person p LEFT JOIN person_email pe ON pe.person_id = p.id AND pe.is_primary
                WHERE p.id = :id AND""" + ACTIVE)
                .param("id", activeId).query(SupporterSnapshotSql::snapshot).optional();
    }

    public Optional<SupporterSnapshot> findByEmail(String normalisedEmail) {
        return jdbc.sql(COLUMNS + """
                FROM person p LEFT JOIN person_email pe ON pe.person_id = p.id AND pe.is_primary
                WHERE p.id = (SELECT person_id FROM person_email WHERE email = :email) AND""" + ACTIVE)
                .param("email", normalisedEmail).query(SupporterSnapshotSql::snapshot).optional();
    }

    /** How many the selection holds; {@code criteria} are the conditions of its choices. */
    public long count(SupporterSelection selection, List<CriterionSql> criteria) {
        return selected("SELECT count(*)", selection, criteria, null, "").query(Long.class).single();
    }

    /** Streams the selection in id order; call inside a read-only transaction so the driver uses a cursor. */
    public long forEach(SupporterSelection selection, List<CriterionSql> criteria, @Nullable Instant changedSince,
            Consumer<SupporterSnapshot> action) {
        long[] passed = {0};
        selected(COLUMNS, selection, criteria, changedSince, " ORDER BY p.id").withFetchSize(FETCH_SIZE)
                .query((ResultSet rs) -> {
                    action.accept(snapshot(rs, 0));
                    passed[0]++;
                });
        return passed[0];
    }

    /**
     * The selection as one SQL query with its bound parameters, for another feature's set-based statement to use as
     * a subquery: the columns of a snapshot ({@code id, first_name, last_name, email, status, state, zip, city,
     * updated_at, tags}), tags sorted by name. Parameter names start with {@code sel_}.
     */
    public SupporterSelectionSql selectionSql(SupporterSelection selection, List<CriterionSql> criteria) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String sql = where(COLUMNS, selection, criteria, null, parameters);
        return new SupporterSelectionSql(sql, parameters);
    }

    private StatementSpec selected(String select, SupporterSelection selection, List<CriterionSql> criteria,
            @Nullable Instant changedSince, String order) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StatementSpec statement = jdbc.sql(where(select, selection, criteria, changedSince, parameters) + order);
        parameters.forEach(statement::param);
        return statement;
    }

    private static String where(String select, SupporterSelection selection, List<CriterionSql> criteria,
            @Nullable Instant changedSince, Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder(select).append("""
                 FROM person p JOIN person_email pe ON pe.person_id = p.id AND pe.is_primary
                WHERE""").append(ACTIVE);
        if (!selection.tags().isEmpty()) {
            sql.append("""
                     AND EXISTS (SELECT 1 FROM person_tag pt JOIN tag t ON t.id = pt.tag_id
                                 WHERE pt.person_id = p.id AND lower(t.name) = ANY(CAST(:sel_tags AS text[])))
                    """);
            parameters.put("sel_tags", selection.tags().stream().map(t -> t.trim().toLowerCase(Locale.ROOT))
                    .toArray(String[]::new));
        }
        if (!selection.states().isEmpty()) {
            sql.append(" AND p.state = ANY(CAST(:sel_states AS char(2)[]))");
            parameters.put("sel_states", selection.states().stream().map(s -> s.trim().toUpperCase(Locale.ROOT))
                    .toArray(String[]::new));
        }
        if (!selection.statuses().isEmpty()) {
            sql.append(" AND pe.status = ANY(CAST(:sel_statuses AS text[]))");
            parameters.put("sel_statuses", selection.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (changedSince != null) {
            sql.append(" AND p.updated_at > :sel_since");
            parameters.put("sel_since", Timestamp.from(changedSince));
        }
        criteria.forEach(criterion -> {
            sql.append(" AND (").append(criterion.condition()).append(')');
            parameters.putAll(criterion.parameters());
        });
        return sql.toString();
    }

    private static SupporterSnapshot snapshot(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        String state = rs.getString("state");
        return new SupporterSnapshot(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), status == null ? null : SubscriptionStatus.valueOf(status),
                state == null ? null : state.trim(), rs.getString("zip"), rs.getString("city"),
                Arrays.asList((String[]) rs.getArray("tags").getArray()),
                rs.getTimestamp("updated_at").toInstant());
    }
}
