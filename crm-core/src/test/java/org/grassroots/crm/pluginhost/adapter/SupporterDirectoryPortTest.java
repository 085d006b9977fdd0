package org.grassroots.crm.pluginhost.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.pluginhost.adapter.Staff.asAdmin;
import static org.grassroots.crm.pluginhost.adapter.Staff.create;
import static org.grassroots.crm.pluginhost.adapter.Staff.email;
import static org.grassroots.crm.pluginhost.adapter.Staff.unique;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.MergeRequest;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonEmailService;
import org.grassroots.crm.people.PersonMergeService;
import org.grassroots.crm.people.PersonPrivacyService;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.petitions.Petition;
import org.grassroots.crm.petitions.PetitionDraft;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.grassroots.crm.plugin.api.supporters.SupporterDirectory;
import org.grassroots.crm.plugin.api.supporters.SupporterRecord;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class SupporterDirectoryPortTest {

    @Autowired
    PluginPortSource<SupporterDirectory> port;

    @Autowired
    PersonService people;

    @Autowired
    PersonEmailService emails;

    @Autowired
    PersonMergeService merges;

    @Autowired
    PersonPrivacyService privacy;

    @Autowired
    PetitionService petitions;

    @Autowired
    JdbcClient jdbc;

    private SupporterDirectory directory;

    @BeforeEach
    void asAPluginWithNobodySignedIn() {
        SecurityContextHolder.clearContext();
        directory = port.forPlugin(new PluginScope("email-list-sync", getClass().getClassLoader(), List::of));
    }

    @Test
    void findsBySupporterIdFollowingMergesAndByAnyAddress() {
        String tag = unique("Volunteer ");
        String primary = email();
        String secondary = email();
        PersonDetails survivor = create(people, "Jacqueline", List.of(primary, secondary), UsState.TX, "787011234",
                List.of(tag, "Donor " + tag));
        PersonDetails duplicate = create(people, "Jackie", List.of(email()), UsState.TX, "78701", List.of());
        asAdmin(() -> merges.merge(MergeRequest.keepSurvivorValues(survivor.id(), duplicate.id())));

        SupporterRecord found = directory.find(duplicate.id()).orElseThrow();

        assertThat(found.id()).isEqualTo(survivor.id());
        assertThat(found.firstName()).isEqualTo("Jacqueline");
        assertThat(found.lastName()).isEqualTo(survivor.lastName());
        assertThat(found.email()).isEqualTo(primary);
        assertThat(found.emailStatus()).isEqualTo(EmailStatus.SUBSCRIBED);
        assertThat(found.state()).isEqualTo("TX");
        assertThat(found.zip()).isEqualTo("78701");
        assertThat(found.city()).isEqualTo("Springfield");
        assertThat(found.tags()).containsExactlyInAnyOrder(tag, "Donor " + tag);
        assertThat(directory.findByEmail("  " + secondary.toUpperCase())).map(SupporterRecord::id)
                .contains(survivor.id());
        assertThat(directory.find(Long.MAX_VALUE)).isEmpty();
        assertThat(directory.findByEmail(email())).isEmpty();
    }

    @Test
    void erasedSupportersAreNotFound() {
        String address = email();
        PersonDetails person = create(people, "Kim", List.of(address), UsState.OR, "97201", List.of());
        asAdmin(() -> privacy.erase(person.id()));

        assertThat(directory.find(person.id())).isEmpty();
        assertThat(directory.findByEmail(address)).isEmpty();
    }

    @Test
    void segmentsFilterByTagStateAndPrimaryStatus() {
        String tag = unique("Canvass ");
        PersonDetails texan = create(people, "Lou", List.of(email()), UsState.TX, "78701", List.of(tag));
        PersonDetails ohioan = create(people, "Max", List.of(email()), UsState.OH, "43004", List.of(tag));
        PersonDetails unsubscribed = create(people, "Ned", List.of(email()), UsState.OH, "43004", List.of(tag));
        create(people, "Noa", List.of(), UsState.OH, "43004", List.of(tag));
        asAdmin(() -> emails.changeStatus(unsubscribed.id(), unsubscribed.emails().getFirst().email(),
                SubscriptionStatus.UNSUBSCRIBED, "asked", null));
        Set<String> byTag = Set.of(tag.toUpperCase());

        assertThat(directory.count(segment(byTag, Set.of(), Set.of()))).as("no address, not in any segment")
                .isEqualTo(3);
        assertThat(directory.count(segment(byTag, Set.of("OH"), Set.of()))).isEqualTo(2);
        assertThat(directory.count(segment(byTag, Set.of(), Set.of(EmailStatus.SUBSCRIBED)))).isEqualTo(2);
        assertThat(directory.count(segment(byTag, Set.of("OH"), Set.of(EmailStatus.SUBSCRIBED)))).isEqualTo(1);
        assertThat(directory.count(segment(byTag, Set.of(), Set.of(EmailStatus.ERASED)))).isZero();
        assertThat(directory.count(segment(Set.of(unique("nobody")), Set.of(), Set.of()))).isZero();
        List<Long> ids = new ArrayList<>();
        assertThat(directory.forEach(segment(byTag, Set.of(), Set.of()), null, r -> ids.add(r.id()))).isEqualTo(3);
        assertThat(ids).containsExactly(texan.id(), ohioan.id(), unsubscribed.id());
    }

    @Test
    void changedSinceSelectsOnlyWhoChangedAfterwards() {
        String tag = unique("Sync ");
        PersonDetails unchanged = create(people, "Oli", List.of(email()), UsState.NV, "89501", List.of(tag));
        PersonDetails changed = create(people, "Pat", List.of(email()), UsState.NV, "89501", List.of(tag));
        Instant lastSync = Instant.now();
        asAdmin(() -> emails.changeStatus(changed.id(), changed.emails().getFirst().email(),
                SubscriptionStatus.BOUNCING, "bounced", null));

        List<SupporterRecord> seen = new ArrayList<>();
        directory.forEach(segment(Set.of(tag), Set.of(), Set.of()), lastSync, seen::add);

        assertThat(seen).extracting(SupporterRecord::id).containsExactly(changed.id()).doesNotContain(unchanged.id());
        assertThat(seen.getFirst().emailStatus()).isEqualTo(EmailStatus.BOUNCING);
    }

    @Test
    void streamsPastTheCursorFetchSizeInIdOrderAndStopsWhenCancelled() {
        String tag = unique("bulk");
        long tagId = jdbc.sql("INSERT INTO tag (name) VALUES (:name) RETURNING id").param("name", tag)
                .query(Long.class).single();
        // 2,500 people straight in SQL: more than two fetches of the cursor, set up in a moment
        jdbc.sql("""
                WITH made AS (
                    INSERT INTO person (first_name, state, zip) SELECT 'Bulk' || n, 'KS', '66002'
                    FROM generate_series(1, 2500) n RETURNING id),
                addresses AS (
                    INSERT INTO person_email (person_id, email, is_primary)
                    SELECT id, :tag || id || '@example.org', TRUE FROM made)
                INSERT INTO person_tag (person_id, tag_id) SELECT id, :tagId FROM made
                """).param("tag", tag).param("tagId", tagId).update();
        Segment bulk = segment(Set.of(tag), Set.of(), Set.of());

        List<Long> ids = new ArrayList<>();
        long passed = directory.forEach(bulk, null, record -> ids.add(record.id()));

        assertThat(passed).isEqualTo(2500);
        assertThat(directory.count(bulk)).isEqualTo(2500);
        assertThat(ids).hasSize(2500).isSorted().doesNotHaveDuplicates();

        List<Long> beforeCancel = new ArrayList<>();
        assertThatThrownBy(() -> directory.forEach(bulk, null, record -> {
            if (beforeCancel.size() == 1200) {
                throw new JobCancelledException();
            }
            beforeCancel.add(record.id());
        })).isInstanceOf(JobCancelledException.class);
        assertThat(beforeCancel).hasSize(1200);
    }

    @Test
    void aPetitionSegmentHoldsItsSignersAlongWithTheOtherConditions() {
        Petition river = asAdmin(() -> petitions.create(new PetitionDraft(unique("Save the river "), null, null,
                null, null)));
        Petition park = asAdmin(() -> petitions.create(new PetitionDraft(unique("Save the park "), null, null,
                null, null)));
        PersonDetails texan = create(people, "Quin", List.of(email()), UsState.TX, "78701", List.of());
        PersonDetails ohioan = create(people, "Rae", List.of(email()), UsState.OH, "43004", List.of());
        PersonDetails parkOnly = create(people, "Sol", List.of(email()), UsState.TX, "78701", List.of());
        PersonDetails noAddress = create(people, "Tam", List.of(), UsState.TX, "78701", List.of());
        asAdmin(() -> {
            petitions.sign(river.id(), texan.id(), null, null);
            petitions.sign(river.id(), ohioan.id(), null, null);
            petitions.sign(river.id(), noAddress.id(), null, null);
            petitions.sign(park.id(), parkOnly.id(), null, null);
        });
        Segment riverSigners = new Segment(Set.of(), Set.of(), river.slug(), Set.of());

        assertThat(directory.count(riverSigners)).as("signers with a primary address").isEqualTo(2);
        List<Long> ids = new ArrayList<>();
        assertThat(directory.forEach(riverSigners, null, r -> ids.add(r.id()))).isEqualTo(2);
        assertThat(ids).containsExactly(texan.id(), ohioan.id());
        assertThat(directory.count(new Segment(Set.of(), Set.of("TX"), " " + river.slug().toUpperCase() + " ",
                Set.of(EmailStatus.SUBSCRIBED)))).isEqualTo(1);
        assertThat(directory.count(new Segment(Set.of(), Set.of(), park.slug(), Set.of()))).isEqualTo(1);
    }

    @Test
    void aPetitionSlugNoPetitionHasIsRefusedNamingIt() {
        Segment typo = new Segment(Set.of(), Set.of(), unique("save-the-rivr-"), Set.of());

        assertThatThrownBy(() -> directory.count(typo)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("“" + typo.petitionSlug() + "”");
        List<SupporterRecord> passed = new ArrayList<>();
        assertThatThrownBy(() -> directory.forEach(typo, null, passed::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(typo.petitionSlug());
        assertThat(passed).isEmpty();
    }

    private static Segment segment(Set<String> tags, Set<String> states, Set<EmailStatus> statuses) {
        return new Segment(tags, states, null, statuses);
    }
}
