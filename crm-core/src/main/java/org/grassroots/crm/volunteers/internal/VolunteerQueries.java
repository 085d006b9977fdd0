package org.grassroots.crm.volunteers.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.crm.volunteers.VolunteerCursor;
import org.grassroots.crm.volunteers.VolunteerFilter;
import org.grassroots.crm.volunteers.VolunteerRow;
import org.grassroots.crm.volunteers.VolunteerStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over volunteers: the filtered list, hours totals and dashboard counts, each served by an index. */
@Repository
public class VolunteerQueries {

    /** A person's total hours: an index-only sum over their attended sign-ups ({@code signup_person_hours_idx}). */
    static final String TOTAL_HOURS_SQL = """
            (SELECT coalesce(sum(s.hours), 0) FROM signup s WHERE s.person_id = %s AND s.status = 'ATTENDED')""";

    private final JdbcClient jdbc;

    VolunteerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of volunteers in name order (lower-case last name, no name last, id tiebreaker) from an offset, for a
     * jump into the list. The page's ids are found first so skills and hours are looked up for its rows only.
     */
    public List<VolunteerRow> find(VolunteerFilter filter, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = conditions(filter, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return page("""
                SELECT p.id, lower(p.last_name) AS sort_key
                FROM volunteer v JOIN person p ON p.id = v.person_id
                WHERE %s
                ORDER BY lower(p.last_name), p.id
                OFFSET :offset LIMIT :limit""".formatted(where), params);
    }

    /**
     * The page after {@code cursor}, for scrolling on: a keyset walk of {@code person_last_name_idx} that costs the
     * same however deep the page is. People without a last name come last, in id order.
     */
    public List<VolunteerRow> findAfter(VolunteerFilter filter, VolunteerCursor cursor, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = conditions(filter, params);
        params.put("afterId", cursor.personId());
        params.put("limit", limit);
        String afterNameless = cursor.sortKey() == null ? " AND p.id > :afterId" : "";
        String withoutName = """
                (SELECT p.id, NULL AS sort_key
                 FROM volunteer v JOIN person p ON p.id = v.person_id
                 WHERE %s AND lower(p.last_name) IS NULL%s
                 ORDER BY p.id LIMIT :limit)""".formatted(where, afterNameless);
        if (cursor.sortKey() == null) {
            return page(withoutName, params);
        }
        params.put("afterKey", cursor.sortKey());
        // two index-ordered branches, each stopping at :limit rows: a row comparison keeps the index usable,
        // which an OR for the nameless would not
        return page("""
                SELECT * FROM (
                    (SELECT p.id, lower(p.last_name) AS sort_key
                     FROM volunteer v JOIN person p ON p.id = v.person_id
                     WHERE %s AND (lower(p.last_name), p.id) > (:afterKey, :afterId)
                     ORDER BY lower(p.last_name), p.id LIMIT :limit)
                    UNION ALL
                    %s) after_cursor
                ORDER BY sort_key, id LIMIT :limit""".formatted(where, withoutName), params);
    }

    private List<VolunteerRow> page(String pageSql, Map<String, Object> params) {
        return jdbc.sql("""
                WITH page AS MATERIALIZED (%s)
                SELECT v.person_id, %s AS name, page.sort_key, v.status, v.languages,
                       ARRAY(SELECT k.name FROM volunteer_skill vs JOIN skill k ON k.id = vs.skill_id
                             WHERE vs.person_id = v.person_id ORDER BY lower(k.name)) AS skills,
                       %s AS total_hours
                FROM page JOIN volunteer v ON v.person_id = page.id JOIN person p ON p.id = page.id
                ORDER BY page.sort_key, page.id
                """.formatted(pageSql, PersonLookup.NAME_SQL, TOTAL_HOURS_SQL.formatted("v.person_id")))
                .params(params)
                .query((rs, row) -> new VolunteerRow(rs.getLong("person_id"), rs.getString("name"),
                        rs.getString("sort_key"), VolunteerStatus.valueOf(rs.getString("status")),
                        strings(rs.getArray("skills")), strings(rs.getArray("languages")),
                        rs.getBigDecimal("total_hours")))
                .list();
    }

    private static String conditions(VolunteerFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("TRUE");
        if (filter.status() != null) {
            conditions.add("v.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.skillId() != null) {
            conditions.add("EXISTS (SELECT 1 FROM volunteer_skill vs WHERE vs.person_id = v.person_id"
                    + " AND vs.skill_id = :skillId)");
            params.put("skillId", filter.skillId());
        }
        if (filter.language() != null && !filter.language().isBlank()) {
            conditions.add("v.languages @> ARRAY[CAST(:language AS text)]");
            params.put("language", filter.language());
        }
        if (filter.name() != null && filter.name().trim().length() >= 3) {
            conditions.add("p.search_name LIKE :name");
            params.put("name", "%" + likeEscaped(filter.name().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        return String.join(" AND ", conditions);
    }

    public BigDecimal totalHours(long personId) {
        return jdbc.sql("SELECT " + TOTAL_HOURS_SQL.formatted(":personId")).param("personId", personId)
                .query(BigDecimal.class).single();
    }

    public List<String> skillNames(long personId) {
        return jdbc.sql("""
                SELECT k.name FROM volunteer_skill vs JOIN skill k ON k.id = vs.skill_id
                WHERE vs.person_id = :personId ORDER BY lower(k.name)
                """).param("personId", personId).query(String.class).list();
    }

    public long countActive() {
        return jdbc.sql("SELECT count(*) FROM volunteer WHERE status = 'ACTIVE'").query(Long.class).single();
    }

    /** Hours logged on shifts that start in [{@code from}, {@code to}). */
    public BigDecimal hoursOnShiftsStarting(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                SELECT coalesce(sum(s.hours), 0) FROM shift sh JOIN signup s ON s.shift_id = sh.id
                WHERE sh.starts_at >= :from AND sh.starts_at < :to AND s.status = 'ATTENDED'
                """).param("from", from).param("to", to).query(BigDecimal.class).single();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
