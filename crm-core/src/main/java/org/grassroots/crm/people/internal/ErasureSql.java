package org.grassroots.crm.people.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The statements of a GDPR erasure; the caller locks the person first and runs them in one transaction. */
@Repository
public class ErasureSql {

    /** A person's merge and erasure state, read under a row lock. */
    public record State(long id, boolean merged, boolean erased) {
    }

    private final JdbcClient jdbc;

    ErasureSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<State> lock(long id) {
        return jdbc.sql("SELECT id, merged_into_id IS NOT NULL AS merged, erased_at IS NOT NULL AS erased "
                        + "FROM person WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, row) -> new State(rs.getLong("id"), rs.getBoolean("merged"), rs.getBoolean("erased")))
                .optional();
    }

    public List<String> emails(long personId) {
        return jdbc.sql("SELECT email FROM person_email WHERE person_id = :id ORDER BY id")
                .param("id", personId).query(String.class).list();
    }

    /**
     * Deletes addresses, subscription history, phones, tags and notes, and empties names and address on the person
     * and on every duplicate merged into them. Source, dates and the demo flag stay: they identify no one.
     */
    public void erase(long personId) {
        for (String table : List.of("person_email", "subscription_event", "person_phone", "person_tag",
                "person_note")) {
            jdbc.sql("DELETE FROM " + table + " WHERE person_id = :id").param("id", personId).update();
        }
        jdbc.sql("""
                UPDATE person SET first_name = NULL, last_name = NULL, street = NULL, city = NULL, state = NULL,
                       zip = NULL, updated_at = now(), version = version + 1,
                       erased_at = CASE WHEN id = :id THEN now() ELSE erased_at END
                WHERE id = :id OR merged_into_id = :id
                """).param("id", personId).update();
    }
}
