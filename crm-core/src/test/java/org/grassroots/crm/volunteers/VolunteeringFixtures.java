package org.grassroots.crm.volunteers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.grassroots.crm.common.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for volunteering. People are inserted with plain SQL (the people feature's services are built
 * elsewhere); every name and address is unique because all tests in the JVM share one database.
 */
final class VolunteeringFixtures {

    private final JdbcClient jdbc;

    VolunteeringFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A supporter with one primary e-mail address; returns their id. */
    long person(String firstName, String lastName) {
        long id = jdbc.sql("INSERT INTO person (first_name, last_name) VALUES (:first, :last) RETURNING id")
                .param("first", firstName).param("last", lastName).query(Long.class).single();
        jdbc.sql("INSERT INTO person_email (person_id, email, is_primary) VALUES (:id, :email, TRUE)")
                .param("id", id).param("email", emailOf(id)).update();
        return id;
    }

    long person() {
        return person("Pat", unique("Volunteer"));
    }

    String emailOf(long personId) {
        return "person" + personId + "@volunteers.example.org";
    }


    /** The actions recorded for one target, oldest first. */
    List<String> auditActions(String targetType, Object targetId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE target_type = :type AND target_id = :id ORDER BY id")
                .param("type", targetType).param("id", String.valueOf(targetId)).query(String.class).list();
    }

    long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    static EventDraft eventDraft(String title, LocalDateTime startsAt, LocalDateTime endsAt) {
        return new EventDraft(EventKind.PHONE_BANK, title, startsAt, endsAt, "Des Moines", "IA");
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(ThrowingCallable call, String field) {
        return assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .satisfies(error -> org.assertj.core.api.Assertions
                        .assertThat(((InvalidInputException) error).field()).isEqualTo(field));
    }
}
