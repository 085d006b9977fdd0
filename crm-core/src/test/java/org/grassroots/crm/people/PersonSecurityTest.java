package org.grassroots.crm.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.people.PeopleTests.unique;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who may call what: ANALYST never reaches personal data; erasure and export are for administrators only. */
@SpringBootTest
class PersonSecurityTest {

    @Autowired
    PersonService people;

    @Autowired
    PersonEmailService emails;

    @Autowired
    PersonSearchService search;

    @Autowired
    PersonTimelineService timeline;

    @Autowired
    PersonMergeService merges;

    @Autowired
    PersonPrivacyService privacy;

    @Autowired
    SupporterStatsService stats;

    long personId;

    @BeforeEach
    void createSomeone() {
        signInAs("admin", Role.ADMIN);
        personId = people.create(PeopleTests.person("Sec", unique("Urity"))).id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAnalystIsDeniedEveryMethodThatShowsOrChangesPersonalData() {
        signInAs("analyst-al", Role.ANALYST);

        for (ThrowingCallable call : personalDataCalls()) {
            assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> privacy.erase(personId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> privacy.exportJson(personId)).isInstanceOf(AccessDeniedException.class);
        assertThat(stats.counts().activeSupporters()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORGANIZER", "FUNDRAISER", "VOLUNTEER_COORDINATOR"})
    void staffWorkWithSupportersButOnlyAdministratorsEraseOrExport(Role role) {
        signInAs("staff-" + role.name().toLowerCase(), role);

        assertThat(people.findById(personId)).isPresent();
        assertThat(search.page(PersonQuery.all(), null, 0, 1).rows()).hasSize(1);
        assertThat(timeline.timeline(personId)).isNotEmpty();
        assertThat(privacy.isErasedEmail("nobody@example.org")).isFalse();
        assertThatThrownBy(() -> privacy.erase(personId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> privacy.exportJson(personId)).isInstanceOf(AccessDeniedException.class);
        assertThat(people.findById(personId).orElseThrow().erased()).isFalse();
    }

    @Test
    void nobodySignedInGetsNothing() {
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> people.findById(personId))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> stats.counts()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private List<ThrowingCallable> personalDataCalls() {
        return List.of(
                () -> people.create(PeopleTests.person("No", "Way")),
                () -> people.findById(personId),
                () -> people.currentId(personId),
                () -> people.updateContact(new ContactUpdate(personId, 0, "X", "Y", null, null)),
                () -> people.addNote(personId, "note"),
                () -> people.addTag(personId, "tag"),
                () -> people.addPhone(personId, new NewPhone("+12025550101", null)),
                () -> people.allTags(),
                () -> emails.addEmail(personId, PeopleTests.uniqueEmail()),
                () -> emails.changeStatus(personId, "x@example.org", SubscriptionStatus.UNSUBSCRIBED, "c", null),
                () -> search.page(PersonQuery.all(), null, 0, 10),
                () -> search.listing(PersonQuery.all()),
                () -> search.criteria(),
                () -> search.choiceCriteria(),
                () -> search.choices(TaggedWithCriterion.KEY, null, 0, 10),
                () -> search.choice(TaggedWithCriterion.KEY, 1),
                () -> timeline.timeline(personId),
                () -> merges.merge(MergeRequest.keepSurvivorValues(personId, personId + 1)),
                () -> privacy.isErasedEmail("x@example.org"));
    }
}
