package org.grassroots.crm.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.geo.UsState;

/** Helpers for the people tests; the database is shared by the whole test JVM, so every name is unique. */
final class PeopleTests {

    private PeopleTests() {
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String uniqueEmail() {
        return unique("p") + "@example.org";
    }

    static NewPerson person(String firstName, String lastName, String... emails) {
        return new NewPerson(firstName, lastName, List.of(emails), List.of(), PostalAddress.empty(), "test", List.of());
    }

    static PostalAddress address(UsState state, String zip) {
        return new PostalAddress("1 Main St", "Springfield", state, zip);
    }


    static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(ThrowingCallable call, String field) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).as("field of: " + e.getMessage()).isEqualTo(field));
    }
}
