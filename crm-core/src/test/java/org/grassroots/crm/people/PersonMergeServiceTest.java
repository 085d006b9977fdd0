package org.grassroots.crm.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.people.PeopleTests.assertInvalid;
import static org.grassroots.crm.people.PeopleTests.unique;
import static org.grassroots.crm.people.PeopleTests.uniqueEmail;

import java.util.List;
import java.util.Set;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class PersonMergeServiceTest {

    @Autowired
    PersonMergeService merges;

    @Autowired
    PersonService people;

    @Autowired
    PersonEmailService emails;

    @Autowired
    PersonSearchService search;

    @Autowired
    PersonTimelineService timeline;

    @Autowired
    PersonPrivacyService privacy;

    @Autowired
    RecordingParticipant participant;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        signInAs("admin", Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everythingMovesToTheSurvivorAndTheOldIdResolvesToIt() {
        String tag = unique("merge ");
        String survivorEmail = uniqueEmail();
        String duplicateEmail = uniqueEmail();
        String otherEmail = uniqueEmail();
        PersonDetails survivor = people.create(new NewPerson("Rob", "Survivor", List.of(survivorEmail),
                List.of(new NewPhone("+1 202 555 0101", null)), new PostalAddress("1 A St", "Austin", null, "78701"),
                "web", List.of(tag)));
        PersonDetails duplicate = people.create(new NewPerson("Robert", "Survivor-Dup", List.of(duplicateEmail,
                otherEmail), List.of(new NewPhone("+1 202 555 0101", null), new NewPhone("+1 202 555 0199", null)),
                new PostalAddress("9 B St", "Reno", null, "89501"), "petition", List.of(tag, "extra " + tag)));
        emails.changeStatus(duplicate.id(), otherEmail, SubscriptionStatus.SPAM_COMPLAINT, "complaint", "sync");
        people.addNote(duplicate.id(), "Met at the rally");
        long activeBefore = activeCount();

        merges.merge(new MergeRequest(survivor.id(), duplicate.id(), MergeChoice.DUPLICATE, MergeChoice.SURVIVOR,
                MergeChoice.DUPLICATE));

        PersonDetails merged = people.findById(survivor.id()).orElseThrow();
        assertThat(merged.firstName()).isEqualTo("Robert");
        assertThat(merged.lastName()).isEqualTo("Survivor-Dup");
        assertThat(merged.address().state()).isEqualTo(UsState.TX);
        assertThat(merged.source()).isEqualTo("petition");
        assertThat(merged.emails()).extracting(EmailAddress::email, EmailAddress::primary, EmailAddress::status)
                .containsExactlyInAnyOrder(tuple(survivorEmail, true, SubscriptionStatus.SUBSCRIBED),
                        tuple(duplicateEmail, false, SubscriptionStatus.SUBSCRIBED),
                        tuple(otherEmail, false, SubscriptionStatus.SPAM_COMPLAINT));
        assertThat(merged.phones()).extracting(Phone::e164, Phone::primary)
                .containsExactlyInAnyOrder(tuple("+12025550101", true), tuple("+12025550199", false));
        assertThat(merged.tags()).containsExactlyInAnyOrder(tag, "extra " + tag);
        assertThat(merged.notes()).extracting(Note::body).containsExactly("Met at the rally");
        assertThat(timeline.timeline(survivor.id())).extracting(TimelineEntry::title)
                .contains(otherEmail + ": Spam complaint", "Merged duplicate #" + duplicate.id() + " into this supporter");

        assertThat(people.findById(duplicate.id())).map(PersonDetails::id).contains(survivor.id());
        assertThat(people.currentId(duplicate.id())).contains(survivor.id());
        assertThat(participant.moves).contains(new RecordingParticipant.Move(duplicate.id(), survivor.id()));
        assertThat(search.page(new PersonQuery(null, new PersonFilter(null, tag, null, Set.of()), null, false),
                null, 0, 10).rows()).extracting(PersonRow::id).containsExactly(survivor.id());
        assertThat(activeCount()).isEqualTo(activeBefore - 1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'PERSON_MERGED' AND target_id = :id
                  AND details ->> 'duplicate' = :duplicate
                """).param("id", String.valueOf(survivor.id())).param("duplicate", String.valueOf(duplicate.id()))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void mergesChainSoTheFirstIdStillResolves() {
        PersonDetails a = people.create(PeopleTests.person("Chain", unique("A")));
        PersonDetails b = people.create(PeopleTests.person("Chain", unique("B")));
        PersonDetails c = people.create(PeopleTests.person("Chain", unique("C")));

        merges.merge(MergeRequest.keepSurvivorValues(b.id(), a.id()));
        merges.merge(MergeRequest.keepSurvivorValues(c.id(), b.id()));

        assertThat(people.currentId(a.id())).contains(c.id());
        assertThat(people.findById(a.id())).map(PersonDetails::lastName).contains(c.lastName());
    }

    @Test
    void refusesItselfAMergedAndAnErasedSupporter() {
        PersonDetails one = people.create(PeopleTests.person("One", unique("Ref")));
        PersonDetails two = people.create(PeopleTests.person("Two", unique("Ref")));
        PersonDetails erased = people.create(PeopleTests.person("Gone", unique("Ref")));
        privacy.erase(erased.id());

        assertInvalid(() -> merges.merge(MergeRequest.keepSurvivorValues(one.id(), one.id())), "duplicate");
        assertInvalid(() -> merges.merge(MergeRequest.keepSurvivorValues(one.id(), erased.id())), "duplicate")
                .hasMessageContaining("erased");
        assertInvalid(() -> merges.merge(MergeRequest.keepSurvivorValues(erased.id(), one.id())), "survivor");
        merges.merge(MergeRequest.keepSurvivorValues(one.id(), two.id()));
        assertInvalid(() -> merges.merge(MergeRequest.keepSurvivorValues(one.id(), two.id())), "duplicate")
                .hasMessageContaining("already merged");
        assertInvalid(() -> merges.merge(MergeRequest.keepSurvivorValues(one.id(), Long.MAX_VALUE)), "duplicate");
    }

    private long activeCount() {
        return jdbc.sql("SELECT value FROM person_counter WHERE name = 'active_people'").query(Long.class).single();
    }
}
