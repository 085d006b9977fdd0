package org.grassroots.crm.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.people.PeopleTests.assertInvalid;
import static org.grassroots.crm.people.PeopleTests.unique;
import static org.grassroots.crm.people.PeopleTests.uniqueEmail;

import java.util.List;

import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class PersonPrivacyServiceTest {

    @Autowired
    PersonPrivacyService privacy;

    @Autowired
    PersonService people;

    @Autowired
    PersonEmailService emails;

    @Autowired
    PersonMergeService merges;

    @Autowired
    SupporterStatsService stats;

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
    void erasureRemovesPersonalFieldsAndKeepsOnlyAKeyedHashOfEachAddress() {
        String email = uniqueEmail();
        String second = uniqueEmail();
        String lastName = unique("Erase");
        PersonDetails person = people.create(new NewPerson("Ernie", lastName, List.of(email, second),
                List.of(new NewPhone("+1 312 555 0111", null)), new PostalAddress("7 Oak", "Chicago", null, "60601"),
                "web", List.of("erase " + lastName)));
        people.addNote(person.id(), "private note");
        PersonDetails duplicate = people.create(PeopleTests.person("Ernest", lastName + "-dup"));
        merges.merge(MergeRequest.keepSurvivorValues(person.id(), duplicate.id()));
        SupporterCounts before = stats.counts();

        privacy.erase(person.id());

        PersonDetails erased = people.findById(person.id()).orElseThrow();
        assertThat(erased.erased()).isTrue();
        assertThat(erased.firstName()).isNull();
        assertThat(erased.lastName()).isNull();
        assertThat(erased.address()).isEqualTo(PostalAddress.empty());
        assertThat(erased.emails()).isEmpty();
        assertThat(erased.phones()).isEmpty();
        assertThat(erased.tags()).isEmpty();
        assertThat(erased.notes()).isEmpty();
        assertThat(count("SELECT count(*) FROM subscription_event WHERE person_id = :id", person.id())).isZero();
        assertThat(count("SELECT count(*) FROM person WHERE id = :id AND first_name IS NULL", duplicate.id()))
                .isEqualTo(1);
        assertThat(privacy.isErasedEmail(" " + email.toUpperCase())).isTrue();
        assertThat(privacy.isErasedEmail(second)).isTrue();
        assertThat(privacy.isErasedEmail(uniqueEmail())).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM erased_email WHERE email_hash = convert_to(:email, 'UTF8')")
                .param("email", email).query(Long.class).single()).as("the address itself is not stored").isZero();
        assertThat(participant.erased).contains(person.id());
        assertThat(stats.counts().activeSupporters()).isEqualTo(before.activeSupporters() - 1);
        assertThat(stats.counts().subscribedSupporters()).isEqualTo(before.subscribedSupporters() - 1);
        assertThat(jdbc.sql("SELECT details::text FROM audit_event WHERE action = 'PERSON_ERASED' AND target_id = :id")
                .param("id", String.valueOf(person.id())).query(String.class).single())
                .doesNotContain(email).doesNotContain(lastName);
        assertInvalid(() -> privacy.erase(person.id()), "id").hasMessageContaining("already erased");
        assertInvalid(() -> people.addNote(person.id(), "after"), "id");
    }

    @Test
    void theSubjectAccessExportHoldsAllTheirDataAndEachFeaturesSection() {
        String email = uniqueEmail();
        PersonDetails person = people.create(new NewPerson("Exa", unique("Export"), List.of(email),
                List.of(new NewPhone("+1 206 555 0123", null)), new PostalAddress(null, "Seattle", null, "98101"),
                "event", List.of("export")));
        emails.changeStatus(person.id(), email, SubscriptionStatus.UNSUBSCRIBED, "asked", null);
        people.addNote(person.id(), "likes canvassing");

        JsonNode export = JsonMapper.builder().build().readTree(privacy.exportJson(person.id()));

        JsonNode supporter = export.get("supporter");
        assertThat(supporter.get("id").asLong()).isEqualTo(person.id());
        assertThat(supporter.get("firstName").asString()).isEqualTo("Exa");
        assertThat(supporter.get("emails").get(0).get("email").asString()).isEqualTo(email);
        assertThat(supporter.get("emails").get(0).get("status").asString()).isEqualTo("UNSUBSCRIBED");
        assertThat(supporter.get("phones").get(0).get("number").asString()).isEqualTo("+12065550123");
        assertThat(supporter.get("address").get("state").asString()).isEqualTo("WA");
        assertThat(supporter.get("notes").get(0).get("body").asString()).isEqualTo("likes canvassing");
        assertThat(export.get("subscriptionHistory")).hasSize(2);
        assertThat(export.get("subscriptionHistory").get(1).get("cause").asString()).isEqualTo("asked");
        assertThat(export.get("sections").get("testFeature").get(0).get("personId").asLong()).isEqualTo(person.id());
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'PERSON_EXPORTED' AND target_id = "
                + ":id::text", person.id())).isEqualTo(1);
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
