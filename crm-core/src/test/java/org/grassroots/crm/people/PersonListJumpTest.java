package org.grassroots.crm.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.TestSecurity.signInAs;

import java.util.List;

import org.grassroots.crm.people.internal.ListMarkers;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A jump deep into the unfiltered list continues from the nearest marker; with fresh markers it shows exactly the
 * rows a plain OFFSET would. Needs more rows than one marker step, so it adds (and afterwards removes) its own.
 */
@SpringBootTest
class PersonListJumpTest {

    private static final String SOURCE = "list-jump-test";

    @Autowired
    PersonSearchService search;

    @Autowired
    ListMarkers markers;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void addManyPeople() {
        signInAs("organizer-jo", Role.ORGANIZER);
        jdbc.sql("""
                INSERT INTO person (first_name, last_name, state, source, created_at)
                SELECT (ARRAY['Ann', 'Bo', 'Cy', 'Di'])[1 + g % 4], 'Jumper' || (g % 997),
                       (ARRAY['TX', 'GA', NULL, 'CA'])[1 + g % 4], :source, now() - g * interval '1 minute'
                FROM generate_series(1, :rows) g
                """).param("source", SOURCE).param("rows", ListMarkers.STEP * 2 + 1_000).update();
    }

    @AfterEach
    void removeThem() {
        jdbc.sql("DELETE FROM person WHERE source = :source").param("source", SOURCE).update();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDeepJumpShowsTheRowsOfAPlainOffset() {
        for (PersonSort sort : PersonSort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                markers.renew(sort, descending);
                PersonQuery query = new PersonQuery(null, PersonFilter.none(), sort, descending);
                for (int offset : new int[] {ListMarkers.STEP, ListMarkers.STEP + 2_777, ListMarkers.STEP * 2 + 10}) {
                    assertThat(markers.jumpFor(sort, descending, offset)).as("marker for " + offset).isPresent();
                    assertThat(ids(search.page(query, null, offset, 25).rows()))
                            .as(sort + (descending ? " desc" : " asc") + " at " + offset)
                            .containsExactlyElementsOf(exactIds(sort, descending, offset, 25));
                }
            }
        }
    }

    private List<Long> exactIds(PersonSort sort, boolean descending, int offset, int limit) {
        String key = switch (sort) {
            case NAME -> "search_name";
            case STATE -> "coalesce(state, '')";
            case CREATED -> "created_at";
            case ID -> "id";
        };
        String direction = descending ? "DESC" : "ASC";
        return jdbc.sql("SELECT id FROM person WHERE merged_into_id IS NULL AND erased_at IS NULL ORDER BY "
                        + key + " " + direction + ", id " + direction + " LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(Long.class).list();
    }

    private static List<Long> ids(List<PersonRow> rows) {
        return rows.stream().map(PersonRow::id).toList();
    }
}
