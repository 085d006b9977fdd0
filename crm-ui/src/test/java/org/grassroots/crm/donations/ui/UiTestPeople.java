package org.grassroots.crm.donations.ui;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Supporters for the view tests, inserted with plain SQL; emails are unique because the database is shared. */
record UiTestPeople(JdbcClient jdbc) {

    long create(String firstName, String lastName, String email) {
        long id = jdbc.sql("INSERT INTO person (first_name, last_name) VALUES (:first, :last) RETURNING id")
                .param("first", firstName).param("last", lastName).query(Long.class).single();
        jdbc.sql("INSERT INTO person_email (person_id, email, is_primary) VALUES (:id, :email, TRUE)")
                .param("id", id).param("email", email).update();
        return id;
    }

    long donationsOf(long personId) {
        return jdbc.sql("SELECT count(*) FROM donation WHERE person_id = :id").param("id", personId)
                .query(Long.class).single();
    }

    static String uniqueEmail(String hint) {
        return hint + "-" + UUID.randomUUID() + "@example.org";
    }
}
