package org.grassroots.crm.plugin.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.grassroots.crm.plugin.api.supporters.SupporterRecord;
import org.junit.jupiter.api.Test;

class InMemorySupporterDirectoryTest {

    private static final Instant MONDAY = Instant.parse("2025-06-02T00:00:00Z");

    private final InMemorySupporterDirectory directory = new InMemorySupporterDirectory()
            .add(supporter(3, "cy@example.org", EmailStatus.SUBSCRIBED, "OH", Set.of("Volunteer"), MONDAY))
            .add(supporter(1, "ann@example.org", EmailStatus.SUBSCRIBED, "TX", Set.of("volunteer", "donor"), MONDAY))
            .add(supporter(2, "bo@example.org", EmailStatus.UNSUBSCRIBED, "TX", Set.of(), MONDAY.plusSeconds(60)))
            .add(supporter(4, null, null, "TX", Set.of("volunteer"), MONDAY));

    @Test
    void findFollowsMergesAndFindByEmailIgnoresCaseAndFindsOtherAddresses() {
        directory.merge(5, 3).merge(6, 5).add(6, "old@example.org", EmailStatus.SUBSCRIBED);
        directory.addAddress(1, "Ann.Work@Example.org");

        assertThat(directory.find(6)).map(SupporterRecord::id).contains(3L);
        assertThat(directory.find(99)).isEmpty();
        assertThat(directory.findByEmail("  ANN@example.org ")).map(SupporterRecord::id).contains(1L);
        assertThat(directory.findByEmail("ann.work@example.org")).map(SupporterRecord::id).contains(1L);
        assertThat(directory.findByEmail("old@example.org")).as("merged away").isEmpty();
    }

    @Test
    void segmentsNeedAPrimaryAddressAndMatchEveryCondition() {
        directory.signed("save-the-river", 1, 2);

        assertThat(directory.count(Segment.EVERYONE)).isEqualTo(3);
        assertThat(directory.count(segment(Set.of("VOLUNTEER"), Set.of(), null, Set.of()))).isEqualTo(2);
        assertThat(directory.count(segment(Set.of(), Set.of("tx"), null, Set.of()))).isEqualTo(2);
        assertThat(directory.count(segment(Set.of(), Set.of("TX"), null, Set.of(EmailStatus.SUBSCRIBED))))
                .isEqualTo(1);
        assertThat(directory.count(segment(Set.of(), Set.of(), "save-the-river", Set.of()))).isEqualTo(2);
        assertThat(directory.count(segment(Set.of(), Set.of("TX"), " Save-The-River ", Set.of(EmailStatus.SUBSCRIBED))))
                .isEqualTo(1);
        assertThat(directory.count(segment(Set.of(), Set.of(), null, Set.of(EmailStatus.ERASED)))).isZero();
    }

    @Test
    void aPetitionSlugNobodyDeclaredIsRefusedNamingIt() {
        directory.signed("nobody-yet");
        Segment unknown = segment(Set.of(), Set.of(), "save-the-rivr", Set.of());

        assertThat(directory.count(segment(Set.of(), Set.of(), "nobody-yet", Set.of()))).isZero();
        assertThatThrownBy(() -> directory.count(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("save-the-rivr");
        List<Long> passed = new ArrayList<>();
        assertThatThrownBy(() -> directory.forEach(unknown, null, s -> passed.add(s.id())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(passed).isEmpty();
    }

    @Test
    void forEachRunsInIdOrderAfterChangedSinceAndStopsOnAnException() {
        List<Long> ids = new ArrayList<>();
        assertThat(directory.forEach(Segment.EVERYONE, null, s -> ids.add(s.id()))).isEqualTo(3);
        assertThat(ids).containsExactly(1L, 2L, 3L);

        List<Long> changed = new ArrayList<>();
        directory.forEach(Segment.EVERYONE, MONDAY, s -> changed.add(s.id()));
        assertThat(changed).containsExactly(2L);

        List<Long> beforeCancel = new ArrayList<>();
        assertThatThrownBy(() -> directory.forEach(Segment.EVERYONE, null, s -> {
            if (s.id() == 2) {
                throw new JobCancelledException();
            }
            beforeCancel.add(s.id());
        })).isInstanceOf(JobCancelledException.class);
        assertThat(beforeCancel).containsExactly(1L);
    }

    private static Segment segment(Set<String> tags, Set<String> states, String petition, Set<EmailStatus> statuses) {
        return new Segment(tags, states, petition, statuses);
    }

    private static SupporterRecord supporter(long id, String email, EmailStatus status, String state,
            Set<String> tags, Instant updatedAt) {
        return new SupporterRecord(id, "First" + id, "Last" + id, email, status, state, "78701", "Austin", tags,
                updatedAt);
    }
}
