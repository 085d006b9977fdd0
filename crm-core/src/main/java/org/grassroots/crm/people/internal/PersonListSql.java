package org.grassroots.crm.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.people.PageKey;
import org.grassroots.crm.people.PersonFilter;
import org.grassroots.crm.people.PersonPage;
import org.grassroots.crm.people.PersonRow;
import org.grassroots.crm.people.PersonSort;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The supporters list in SQL. A page is chosen over the sort index first (only ids and sort keys, which an
 * index-only scan serves even for a deep OFFSET) and then joined to the rows it shows. Continuing after a known row
 * uses the row-value comparison {@code (sort key, id) > (…)} instead of an OFFSET.
 */
@Repository
public class PersonListSql {

    /** How the search text matches: not at all, one exact e-mail or phone, or a fuzzy name. */
    public enum Match { ALL, EMAIL, PHONE, NAME }

    /**
     * One list request. {@code sort} null with a NAME match orders by likeness, best first. {@code criteria} are the
     * other features' conditions for the filter's criteria, with their bound parameters.
     */
    public record Spec(Match match, @Nullable String term, PersonFilter filter, List<CriterionSql> criteria,
            @Nullable PersonSort sort, boolean descending) {

        boolean byRelevance() {
            return sort == null && match == Match.NAME;
        }
    }

    private static final String ACTIVE = "p.merged_into_id IS NULL AND p.erased_at IS NULL";
    /**
     * A fuzzy name search ranks at most this many matching people. Ranking costs a little per matching row, so one
     * common word ("smith", "mary") shared by tens of thousands would take a second; among that many equally good
     * matches the first few thousand found serve as well as any, and a second word or a filter narrows it properly.
     */
    static final int RANKED_CANDIDATES = 2_000;

    private final JdbcClient jdbc;
    private final ListMarkers markers;

    PersonListSql(JdbcClient jdbc, ListMarkers markers) {
        this.jdbc = jdbc;
        this.markers = markers;
    }

    public PersonPage page(Spec spec, @Nullable PageKey after, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = new ArrayList<>(List.of(ACTIVE));
        switch (spec.match()) {
            case EMAIL -> conditions.add("p.id IN (SELECT e.person_id FROM person_email e WHERE e.email = :term)");
            case PHONE -> conditions.add("p.id IN (SELECT ph.person_id FROM person_phone ph WHERE ph.e164 = :term)");
            case NAME -> conditions.add(":term <% p.search_name");
            case ALL -> { }
        }
        if (spec.match() != Match.ALL) {
            params.put("term", spec.term());
        }
        PersonFilter filter = spec.filter();
        if (filter.state() != null) {
            conditions.add("p.state = CAST(:state AS char(2))");
            params.put("state", filter.state().name());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            conditions.add("""
                    EXISTS (SELECT 1 FROM person_tag pt WHERE pt.person_id = p.id
                            AND pt.tag_id = (SELECT t.id FROM tag t WHERE lower(t.name) = lower(:tag) LIMIT 1))""");
            params.put("tag", filter.tag().trim());
        }
        if (filter.status() != null) {
            conditions.add("""
                    EXISTS (SELECT 1 FROM person_email pe WHERE pe.person_id = p.id AND pe.is_primary
                            AND pe.status = :status)""");
            params.put("status", filter.status().name());
        }
        for (CriterionSql criterion : spec.criteria()) {
            conditions.add("(" + criterion.condition() + ")");
            params.putAll(criterion.parameters());
        }

        String sortKey = spec.byRelevance() ? "word_similarity(:term, p.search_name)" : sortKey(spec.sort());
        String direction = spec.byRelevance() || spec.descending() ? "DESC" : "ASC";
        String idDirection = spec.byRelevance() ? "ASC" : direction;
        int skip = after != null && !spec.byRelevance() ? 0 : offset;
        if (after == null && spec.match() == Match.ALL && filter.isEmpty() && spec.criteria().isEmpty()) {
            var jump = markers.jumpFor(sortOrDefault(spec.sort()), spec.descending(), offset);
            if (jump.isPresent()) {
                after = jump.get().after();
                skip = jump.get().remainder();
            }
        }
        boolean keyset = after != null && !spec.byRelevance();
        if (keyset) {
            String comparison = "DESC".equals(direction) ? "<" : ">";
            if (sortOrDefault(spec.sort()) == PersonSort.ID) {
                conditions.add("p.id " + comparison + " :afterId");
            } else {
                conditions.add("(" + sortKey + ", p.id) " + comparison + " (" + castFor(spec.sort()) + ", :afterId)");
                params.put("afterValue", bindable(after.sortValue()));
            }
            params.put("afterId", after.id());
        }
        params.put("limit", limit);
        params.put("offset", skip);
        String sql = """
                WITH page AS (
                    SELECT p.id, %1$s AS sort_value FROM %5$s
                    WHERE %6$s
                    ORDER BY %1$s %3$s, p.id %4$s
                    LIMIT :limit OFFSET :offset
                )
                SELECT page.sort_value, p.id, p.state, p.zip, p.created_at, p.demo,
                       coalesce(nullif(btrim(concat_ws(' ', p.first_name, p.last_name)), ''), e.email,
                                'Supporter #' || p.id) AS name,
                       e.email,
                       (SELECT string_agg(t.name, ', ' ORDER BY t.name) FROM person_tag pt
                        JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = p.id) AS tags
                FROM page
                JOIN person p ON p.id = page.id
                LEFT JOIN person_email e ON e.person_id = p.id AND e.is_primary
                ORDER BY page.sort_value %3$s, p.id %4$s
                """.formatted(sortKey, String.join("\n  AND ", conditions), direction, idDirection,
                spec.byRelevance() ? "(SELECT p.id, p.search_name FROM person p WHERE "
                        + String.join(" AND ", conditions) + " LIMIT " + RANKED_CANDIDATES + ") p" : "person p",
                spec.byRelevance() ? "TRUE" : String.join("\n  AND ", conditions));
        List<Object[]> rows = jdbc.sql(sql).params(params).query(PersonListSql::rowWithKey).list();
        List<PersonRow> personRows = rows.stream().map(row -> (PersonRow) row[0]).toList();
        PageKey last = rows.isEmpty() || spec.byRelevance() ? null
                : new PageKey(rows.getLast()[1], ((PersonRow) rows.getLast()[0]).id());
        return new PersonPage(personRows, last);
    }

    /** Active supporters, from the counter the database keeps (exact, read in microseconds). */
    public long activeCount() {
        return counter("active_people");
    }

    public long subscribedCount() {
        return counter("subscribed_people");
    }

    private long counter(String name) {
        return jdbc.sql("SELECT value FROM person_counter WHERE name = :name").param("name", name)
                .query(Long.class).optional().orElse(0L);
    }

    static PersonSort sortOrDefault(@Nullable PersonSort sort) {
        return sort == null ? PersonSort.NAME : sort;
    }

    static String sortKey(@Nullable PersonSort sort) {
        return switch (sortOrDefault(sort)) {
            case NAME -> "p.search_name";
            case STATE -> "coalesce(p.state, '')";
            case CREATED -> "p.created_at";
            case ID -> "p.id";
        };
    }

    private static String castFor(@Nullable PersonSort sort) {
        return switch (sort == null ? PersonSort.NAME : sort) {
            case NAME -> "CAST(:afterValue AS text)";
            case STATE -> "CAST(:afterValue AS bpchar)";
            case CREATED -> "CAST(:afterValue AS timestamptz)";
            case ID -> throw new IllegalArgumentException("the id order continues on the id alone");
        };
    }

    private static Object bindable(Object sortValue) {
        return sortValue instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : sortValue;
    }

    private static Object[] rowWithKey(ResultSet rs, int rowNumber) throws SQLException {
        Object sortValue = rs.getObject("sort_value");
        if (sortValue instanceof Timestamp timestamp) {
            sortValue = timestamp.toInstant();
        }
        PersonRow row = new PersonRow(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                rs.getString("state"), rs.getString("zip"), rs.getString("tags") == null ? "" : rs.getString("tags"),
                rs.getTimestamp("created_at").toInstant(), rs.getBoolean("demo"));
        return new Object[] {row, sortValue};
    }
}
