package org.grassroots.crm.donations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.grassroots.crm.people.TimelineEntry;
import org.grassroots.crm.people.TimelineSource;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Amounts on the timeline are for fundraisers and admins; everyone else who sees gifts sees no dollar figure. */
@SpringBootTest
class DonationTimelineTest {

    @Autowired
    DonationService donations;

    @Autowired
    List<TimelineSource> sources;

    @Autowired
    JdbcClient jdbc;

    long donorId;

    @BeforeEach
    void giftsOnFile() {
        donorId = new TestPeople(jdbc).create("Tim", "Eline");
        AsUser.run(Role.FUNDRAISER, () -> {
            donations.record(new DonationInput(donorId, null, new BigDecimal("40"), LocalDate.now().minusDays(3),
                    PaymentMethod.CHECK, DonationPlatform.MANUAL, null, null, null, null, null));
            donations.record(new DonationInput(donorId, null, new BigDecimal("25"), LocalDate.now(),
                    PaymentMethod.CARD, DonationPlatform.ACTBLUE, TestPeople.uniqueId("AB"), "Spring match", null,
                    null, null));
        });
    }

    @Test
    void fundraisersAndAdminsSeeAmounts() {
        for (Role role : List.of(Role.FUNDRAISER, Role.ADMIN)) {
            List<TimelineEntry> entries = AsUser.call(role, () -> donationEntries());
            assertThat(entries).extracting(TimelineEntry::title)
                    .containsExactly("Donated $25.00 via ActBlue", "Donated $40.00 by check");
            assertThat(entries.getFirst().detail()).isEqualTo("Campaign: Spring match");
            assertThat(entries.getFirst().link()).isEqualTo("donations?person=" + donorId);
            assertThat(entries.getFirst().occurredAt()).isAfter(entries.get(1).occurredAt());
        }
    }

    @Test
    void volunteerCoordinatorsAndOrganizersSeeTheGiftButNoAmount() {
        for (Role role : List.of(Role.VOLUNTEER_COORDINATOR, Role.ORGANIZER)) {
            List<TimelineEntry> entries = AsUser.call(role, () -> donationEntries());
            assertThat(entries).extracting(TimelineEntry::title)
                    .containsExactly("Donated via ActBlue", "Donated by check");
            assertThat(entries).allSatisfy(entry -> {
                assertThat(entry.title()).doesNotContain("$").doesNotContain("25").doesNotContain("40");
                assertThat(entry.detail() == null ? "" : entry.detail()).doesNotContain("$");
                assertThat(entry.link()).isNull();
            });
        }
    }

    @Test
    void analystsAndAnonymousCallersGetNothing() {
        assertThat(AsUser.call(Role.ANALYST, () -> donationEntries())).isEmpty();
        assertThat(donationEntries()).isEmpty();
    }

    private List<TimelineEntry> donationEntries() {
        return sources.stream().flatMap(source -> source.entriesFor(donorId, 50).stream())
                .filter(entry -> DonationTimeline.KIND.equals(entry.kind())).toList();
    }
}
