package org.grassroots.crm.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.people.PeopleTests.address;
import static org.grassroots.crm.people.PeopleTests.assertInvalid;
import static org.grassroots.crm.people.PeopleTests.person;
import static org.grassroots.crm.people.PeopleTests.unique;
import static org.grassroots.crm.people.PeopleTests.uniqueEmail;

import java.util.List;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class PersonServiceTest {

    @Autowired
    PersonService people;

    @Autowired
    PersonEmailService emails;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        signInAs("organizer-ann", Role.ORGANIZER);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void createNormalisesEveryFieldAndRecordsTheSubscription() {
        String email = uniqueEmail();
        String lastName = unique("Rivera");

        PersonDetails created = people.create(new NewPerson("  Ana ", lastName, List.of(" " + email.toUpperCase() + " "),
                List.of(new NewPhone("(512) 555-0142", PhoneKind.MOBILE)),
                new PostalAddress(" 12 Congress Ave ", "Austin", null, "78701-1234"), " petition-2026 ",
                List.of("  Climate  Action ", "volunteer lead")));

        assertThat(created.firstName()).isEqualTo("Ana");
        assertThat(created.emails()).containsExactly(
                new EmailAddress(email, true, SubscriptionStatus.SUBSCRIBED, created.emails().getFirst().statusChangedAt()));
        assertThat(created.phones()).extracting(Phone::e164, Phone::kind, Phone::primary)
                .containsExactly(tuple("+15125550142", PhoneKind.MOBILE, true));
        assertThat(created.address()).isEqualTo(new PostalAddress("12 Congress Ave", "Austin", UsState.TX, "787011234"));
        assertThat(created.source()).isEqualTo("petition-2026");
        assertThat(created.tags()).containsExactly("Climate Action", "volunteer lead");
        assertThat(created.demo()).isFalse();
        assertThat(subscriptionEvents(created.id())).containsExactly(
                tuple(email, "SUBSCRIBED", "Added with the new supporter", "petition-2026"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PERSON_CREATED' AND target_id = :id")
                .param("id", String.valueOf(created.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theStateComesFromTheZipWhenMissingAndAMatchingStateIsAccepted() {
        PersonDetails derived = people.create(withAddress(new PostalAddress(null, null, null, "30303")));
        PersonDetails matching = people.create(withAddress(address(UsState.NH, "03301")));

        assertThat(derived.address().state()).isEqualTo(UsState.GA);
        assertThat(matching.address().state()).isEqualTo(UsState.NH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b", "two@@example.org", "spa ce@example.org", "@example.org"})
    void anInvalidEmailIsRefusedAndNothingIsStored(String email) {
        String lastName = unique("Invalid");

        assertInvalid(() -> people.create(person("Ivy", lastName, email)), "email")
                .hasMessageContaining("name@example.org");

        assertThat(countByLastName(lastName)).isZero();
    }

    @Test
    void aPhoneThatCannotBeParsedIsRefusedAndNothingIsStored() {
        String lastName = unique("Phone");

        assertInvalid(() -> people.create(new NewPerson("Pat", lastName, List.of(uniqueEmail()),
                List.of(new NewPhone("555-12", null)), null, null, null)), "phone");
        assertInvalid(() -> people.create(new NewPerson("Pat", lastName, List.of(uniqueEmail()),
                List.of(new NewPhone("call me maybe", null)), null, null, null)), "phone");

        assertThat(countByLastName(lastName)).isZero();
    }

    @Test
    void aZipOfAnotherStateIsRefusedOnTheZipField() {
        String lastName = unique("Zip");

        assertInvalid(() -> people.create(new NewPerson("Zed", lastName, List.of(uniqueEmail()), List.of(),
                address(UsState.GA, "78701"), null, null)), "zip")
                .hasMessage("ZIP 78701 is in Texas, not Georgia.");
        assertInvalid(() -> people.create(new NewPerson("Zed", lastName, List.of(), List.of(),
                address(UsState.GA, "7870"), null, null)), "zip");

        assertThat(countByLastName(lastName)).isZero();
    }

    @Test
    void anEmailOfAnotherSupporterIsRefusedInAnyCase() {
        String email = uniqueEmail();
        PersonDetails first = people.create(person("First", unique("Owner"), email));
        String lastName = unique("Second");

        assertInvalid(() -> people.create(person("Second", lastName, email.toUpperCase())), "email")
                .hasMessageContaining("belongs to another supporter (#" + first.id() + ")");
        PersonDetails second = people.create(person("Second", lastName));
        assertInvalid(() -> emails.addEmail(second.id(), " " + email + " "), "email")
                .hasMessageContaining("belongs to another supporter");
        assertInvalid(() -> emails.addEmail(first.id(), email), "email")
                .hasMessage(email + " is already on this supporter.");

        assertThat(people.findById(second.id()).orElseThrow().emails()).isEmpty();
    }

    @Test
    void aSupporterNeedsANameOrAnEmail() {
        assertInvalid(() -> people.create(new NewPerson(" ", null, List.of(), List.of(), null, null, null)),
                "firstName");
    }

    @Test
    void everySubscriptionChangeIsRecordedWithCauseAndSource() {
        String email = uniqueEmail();
        PersonDetails person = people.create(person("Sam", unique("Status"), email));

        emails.changeStatus(person.id(), email, SubscriptionStatus.BOUNCING, "Hard bounce", "sync:mailer");
        emails.changeStatus(person.id(), email, SubscriptionStatus.BOUNCING, "again", null);
        PersonDetails after = emails.changeStatus(person.id(), email.toUpperCase(), SubscriptionStatus.UNSUBSCRIBED,
                "Asked by phone", null);

        assertThat(after.emails()).extracting(EmailAddress::status).containsExactly(SubscriptionStatus.UNSUBSCRIBED);
        assertThat(subscriptionEvents(person.id())).containsExactly(
                tuple(email, "SUBSCRIBED", "Added with the new supporter", "test"),
                tuple(email, "BOUNCING", "Hard bounce", "sync:mailer"),
                tuple(email, "UNSUBSCRIBED", "Asked by phone", "staff:organizer-ann"));
    }

    @Test
    void emailsCanBeAddedMadePrimaryAndRemoved() {
        String first = uniqueEmail();
        String second = uniqueEmail();
        PersonDetails person = people.create(person("Eve", unique("Mails"), first));

        emails.addEmail(person.id(), second.toUpperCase());
        PersonDetails switched = emails.setPrimary(person.id(), second);
        assertThat(switched.primaryEmail()).map(EmailAddress::email).contains(second);
        assertThat(switched.emails()).filteredOn(EmailAddress::primary).hasSize(1);

        PersonDetails removed = emails.removeEmail(person.id(), second);
        assertThat(removed.emails()).extracting(EmailAddress::email, EmailAddress::primary)
                .containsExactly(tuple(first, true));
        assertThat(subscriptionEvents(person.id())).extracting(row -> row.toList().get(0)).containsExactly(first, second);
    }

    @Test
    void contactDataIsUpdatedWithTheSameRulesAndAStaleVersionIsRefused() {
        PersonDetails person = people.create(person("Old", unique("Name"), uniqueEmail()));

        PersonDetails updated = people.updateContact(new ContactUpdate(person.id(), person.version(), "New", "Name",
                new PostalAddress("5 Elm", "Reno", null, "89501"), "event"));
        assertThat(updated.firstName()).isEqualTo("New");
        assertThat(updated.address().state()).isEqualTo(UsState.NV);

        assertInvalid(() -> people.updateContact(new ContactUpdate(person.id(), updated.version(), "New", "Name",
                address(UsState.CA, "89501"), null)), "zip");
        assertInvalid(() -> people.updateContact(new ContactUpdate(person.id(), person.version(), "Stale", "Edit",
                PostalAddress.empty(), null)), "version");
        assertThat(people.findById(person.id()).orElseThrow())
                .extracting(PersonDetails::firstName, d -> d.address().zip()).containsExactly("New", "89501");
    }

    @Test
    void phonesTagsAndNotes() {
        PersonDetails person = people.create(person("Tia", unique("Extras")));
        String tag = unique("Tag ");

        PersonDetails withPhone = people.addPhone(person.id(), new NewPhone("+44 20 7946 0958", PhoneKind.WORK));
        assertInvalid(() -> people.addPhone(person.id(), new NewPhone("020 7946 0958", null)), "phone");
        people.addTag(person.id(), "  " + tag + "  ");
        people.addTag(person.id(), tag.toUpperCase());
        PersonDetails noted = people.addNote(person.id(), "  Called about the canvass.  ");
        assertInvalid(() -> people.addNote(person.id(), "   "), "note");

        assertThat(withPhone.phones()).extracting(Phone::e164).containsExactly("+442079460958");
        assertThat(noted.tags()).containsExactly(tag);
        assertThat(noted.notes()).extracting(Note::author, Note::body)
                .containsExactly(tuple("organizer-ann", "Called about the canvass."));
        assertThat(people.allTags()).contains(tag);

        PersonDetails cleared = people.removePhone(person.id(), withPhone.phones().getFirst().id());
        cleared = people.removeTag(cleared.id(), tag);
        assertThat(cleared.phones()).isEmpty();
        assertThat(cleared.tags()).isEmpty();
    }

    @Test
    void anUnknownIdIsEmpty() {
        assertThat(people.findById(Long.MAX_VALUE)).isEmpty();
        assertInvalid(() -> people.addNote(Long.MAX_VALUE, "hello"), "id").hasMessage(
                "No supporter with id " + Long.MAX_VALUE + ".");
    }

    private NewPerson withAddress(PostalAddress address) {
        return new NewPerson("Zoe", unique("Addr"), List.of(), List.of(), address, null, List.of());
    }

    private long countByLastName(String lastName) {
        return jdbc.sql("SELECT count(*) FROM person WHERE last_name = :name").param("name", lastName)
                .query(Long.class).single();
    }

    private List<org.assertj.core.groups.Tuple> subscriptionEvents(long personId) {
        return jdbc.sql("SELECT email, status, cause, source FROM subscription_event WHERE person_id = :id ORDER BY id")
                .param("id", personId)
                .query((rs, row) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
