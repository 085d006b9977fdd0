package org.grassroots.crm.volunteers.ui;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Supporters for the screen tests, inserted with plain SQL (the people feature's services are built elsewhere).
 * Names must be unique: every test in the JVM shares one database.
 */
final class ScreenFixtures {

    private ScreenFixtures() {
    }

    static long person(JdbcClient jdbc, String firstName, String lastName) {
        long id = jdbc.sql("INSERT INTO person (first_name, last_name) VALUES (:first, :last) RETURNING id")
                .param("first", firstName).param("last", lastName).query(Long.class).single();
        jdbc.sql("INSERT INTO person_email (person_id, email, is_primary) VALUES (:id, :email, TRUE)")
                .param("id", id).param("email", emailOf(id)).update();
        return id;
    }

    static String emailOf(long personId) {
        return "screen-person" + personId + "@volunteers.example.org";
    }
}
