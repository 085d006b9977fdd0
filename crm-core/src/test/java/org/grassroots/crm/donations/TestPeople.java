package org.grassroots.crm.donations;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Supporters for donation tests, written with plain SQL (the people feature's services are built elsewhere). Every
 * email is unique, because all test classes in a JVM share one database.
 */
record TestPeople(JdbcClient jdbc) {

    /** A new supporter with one primary email; returns the person id. */
    long create(String firstName, String lastName) {
        return createWithEmail(firstName, lastName, uniqueEmail(firstName));
    }

    long createWithEmail(String firstName, String lastName, String email) {
        long id = jdbc.sql("INSERT INTO person (first_name, last_name) VALUES (:first, :last) RETURNING id")
                .param("first", firstName).param("last", lastName).query(Long.class).single();
        jdbc.sql("INSERT INTO person_email (person_id, email, is_primary) VALUES (:id, :email, TRUE)")
                .param("id", id).param("email", email).update();
        return id;
    }

    String emailOf(long personId) {
        return jdbc.sql("SELECT email FROM person_email WHERE person_id = :id AND is_primary").param("id", personId)
                .query(String.class).single();
    }

    void markErased(long personId) {
        jdbc.sql("UPDATE person SET erased_at = now(), first_name = NULL, last_name = NULL WHERE id = :id")
                .param("id", personId).update();
    }

    void markMerged(long personId, long intoPersonId) {
        jdbc.sql("UPDATE person SET merged_into_id = :into WHERE id = :id").param("into", intoPersonId)
                .param("id", personId).update();
    }

    static String uniqueEmail(String hint) {
        return hint.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
