package org.grassroots.crm.people.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The set-based statements of a merge; the caller runs them in one transaction after locking both rows. */
@Repository
public class MergeSql {

    /** A person's mergeable fields and state, read under a row lock. */
    public record Locked(long id, @Nullable Long mergedIntoId, @Nullable Instant erasedAt, @Nullable String firstName,
            @Nullable String lastName, @Nullable String street, @Nullable String city, @Nullable String state,
            @Nullable String zip, @Nullable String source) {
    }

    private final JdbcClient jdbc;

    MergeSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the rows in id order, so two merges of the same pair cannot deadlock. */
    public List<Locked> lock(long first, long second) {
        return jdbc.sql("""
                SELECT id, merged_into_id, erased_at, first_name, last_name, street, city, state, zip, source
                FROM person WHERE id IN (:first, :second) ORDER BY id FOR UPDATE
                """)
                .param("first", first).param("second", second)
                .query((rs, row) -> new Locked(rs.getLong("id"), rs.getObject("merged_into_id", Long.class),
                        rs.getTimestamp("erased_at") == null ? null : rs.getTimestamp("erased_at").toInstant(),
                        rs.getString("first_name"), rs.getString("last_name"), rs.getString("street"),
                        rs.getString("city"), rs.getString("state"), rs.getString("zip"), rs.getString("source")))
                .list();
    }

    public void keepValues(long survivorId, Locked names, Locked address, Locked source) {
        jdbc.sql("""
                UPDATE person SET first_name = :firstName, last_name = :lastName, street = :street, city = :city,
                       state = CAST(:state AS char(2)), zip = :zip, source = :source, updated_at = now(),
                       version = version + 1
                WHERE id = :id
                """)
                .param("firstName", names.firstName()).param("lastName", names.lastName())
                .param("street", address.street()).param("city", address.city()).param("state", address.state())
                .param("zip", address.zip()).param("source", source.source()).param("id", survivorId)
                .update();
    }

    /** E-mails keep their statuses; the survivor's primary stays primary when both have one. */
    public void moveEmails(long from, long into) {
        jdbc.sql("""
                UPDATE person_email SET is_primary = FALSE
                WHERE person_id = :from AND is_primary
                  AND EXISTS (SELECT 1 FROM person_email s WHERE s.person_id = :into AND s.is_primary)
                """).param("from", from).param("into", into).update();
        jdbc.sql("UPDATE person_email SET person_id = :into WHERE person_id = :from")
                .param("from", from).param("into", into).update();
    }

    /** Phones the survivor already has are dropped; the survivor's primary phone stays primary. */
    public void movePhones(long from, long into) {
        jdbc.sql("""
                DELETE FROM person_phone d WHERE d.person_id = :from
                  AND EXISTS (SELECT 1 FROM person_phone s WHERE s.person_id = :into AND s.e164 = d.e164)
                """).param("from", from).param("into", into).update();
        jdbc.sql("""
                UPDATE person_phone SET is_primary = FALSE
                WHERE person_id = :from AND is_primary
                  AND EXISTS (SELECT 1 FROM person_phone s WHERE s.person_id = :into AND s.is_primary)
                """).param("from", from).param("into", into).update();
        jdbc.sql("UPDATE person_phone SET person_id = :into WHERE person_id = :from")
                .param("from", from).param("into", into).update();
    }

    public void moveTagsNotesAndHistory(long from, long into) {
        jdbc.sql("""
                INSERT INTO person_tag (person_id, tag_id) SELECT :into, tag_id FROM person_tag WHERE person_id = :from
                ON CONFLICT DO NOTHING
                """).param("from", from).param("into", into).update();
        jdbc.sql("DELETE FROM person_tag WHERE person_id = :from").param("from", from).update();
        jdbc.sql("UPDATE person_note SET person_id = :into WHERE person_id = :from")
                .param("from", from).param("into", into).update();
        jdbc.sql("UPDATE subscription_event SET person_id = :into WHERE person_id = :from")
                .param("from", from).param("into", into).update();
    }

    /** Hides the duplicate behind the survivor, and points people merged into it earlier straight at the survivor. */
    public void markMerged(long from, long into) {
        jdbc.sql("""
                UPDATE person SET merged_into_id = :into, updated_at = now(), version = version + 1
                WHERE id = :from OR merged_into_id = :from
                """).param("from", from).param("into", into).update();
    }
}
