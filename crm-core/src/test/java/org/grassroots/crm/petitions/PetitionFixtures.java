package org.grassroots.crm.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.grassroots.crm.common.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for petitions. People are inserted with plain SQL (the people feature's services are tested elsewhere);
 * names and titles are unique because all tests in the JVM share one database.
 */
record PetitionFixtures(JdbcClient jdbc) {

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A supporter with one primary e-mail address; returns their id. */
    long person(String firstName, String lastName) {
        long id = jdbc.sql("INSERT INTO person (first_name, last_name) VALUES (:first, :last) RETURNING id")
                .param("first", firstName).param("last", lastName).query(Long.class).single();
        jdbc.sql("INSERT INTO person_email (person_id, email, is_primary) VALUES (:id, :email, TRUE)")
                .param("id", id).param("email", "person" + id + "@petitions.example.org").update();
        return id;
    }

    long person() {
        return person("Sam", unique("Signer").replace(' ', '-'));
    }

    /** A signature as an import would write it, at a chosen time; returns its id. */
    long importedSignature(long petitionId, long personId, Instant signedAt, String source, String externalId) {
        return jdbc.sql("""
                        INSERT INTO signature (petition_id, person_id, signed_at, source, external_id)
                        VALUES (:petition, :person, :signedAt, :source, :externalId) RETURNING id""")
                .param("petition", petitionId).param("person", personId)
                .param("signedAt", OffsetDateTime.ofInstant(signedAt, ZoneOffset.UTC)).param("source", source)
                .param("externalId", externalId).query(Long.class).single();
    }

    long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    /** The actions recorded for one target, oldest first. */
    List<String> auditActions(String targetType, Object targetId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE target_type = :type AND target_id = :id ORDER BY id")
                .param("type", targetType).param("id", String.valueOf(targetId)).query(String.class).list();
    }


    static void assertInvalid(ThrowingCallable call, String field, String messagePart) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageContaining(messagePart)
                .satisfies(error -> assertThat(((InvalidInputException) error).field()).isEqualTo(field));
    }
}
