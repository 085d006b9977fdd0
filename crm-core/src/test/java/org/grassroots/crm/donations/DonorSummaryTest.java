package org.grassroots.crm.donations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The rollup agrees with the donation table after every kind of write, and after a bulk rebuild. */
@SpringBootTest
@WithMockUser(username = "fundraiser-test", roles = "FUNDRAISER")
class DonorSummaryTest {

    @Autowired
    DonationService donations;

    @Autowired
    DonorService donors;

    @Autowired
    JdbcClient jdbc;

    TestPeople people;
    ElectionCycle cycle;
    LocalDate today;

    @BeforeEach
    void setUp() {
        people = new TestPeople(jdbc);
        today = LocalDate.now();
        cycle = ElectionCycle.containing(today);
    }

    @Test
    void followsInsertsEditsAndDeletes() {
        long donorId = people.create("Sum", "Mary");
        LocalDate lastCycle = cycle.start().minusDays(30);
        Donation early = donations.record(gift(donorId, "100", lastCycle, null, null));
        Donation middle = donations.record(gift(donorId, "40", today.minusDays(1), "Acme", "Welder"));
        Donation late = donations.record(gift(donorId, "15.50", today, null, null));

        DonorSummary summary = donors.summaryFor(donorId).orElseThrow();
        assertThat(summary.donationCount()).isEqualTo(3);
        assertThat(summary.lifetimeTotal()).isEqualByComparingTo("155.50");
        assertThat(summary.firstGiftOn()).isEqualTo(lastCycle);
        assertThat(summary.lastGiftOn()).isEqualTo(today);
        assertThat(summary.largestGift()).isEqualByComparingTo("100");
        assertThat(summary.cycle()).isEqualTo(cycle);
        assertThat(summary.cycleTotal()).isEqualByComparingTo("55.50");
        assertThat(summary.cycleCount()).isEqualTo(2);
        assertThat(summary.employer()).isEqualTo("Acme");
        assertThat(summary.occupation()).isEqualTo("Welder");

        donations.update(early.id(), new DonationInput(donorId, null, new BigDecimal("250"), today, early.method(),
                early.platform(), null, null, null, null, null));
        summary = donors.summaryFor(donorId).orElseThrow();
        assertThat(summary.lifetimeTotal()).isEqualByComparingTo("305.50");
        assertThat(summary.largestGift()).isEqualByComparingTo("250");
        assertThat(summary.firstGiftOn()).isEqualTo(today.minusDays(1));
        assertThat(summary.cycleTotal()).isEqualByComparingTo("305.50");

        donations.delete(middle.id());
        summary = donors.summaryFor(donorId).orElseThrow();
        assertThat(summary.donationCount()).isEqualTo(2);
        assertThat(summary.lifetimeTotal()).isEqualByComparingTo("265.50");
        assertThat(summary.hasEmployerAndOccupation()).isFalse();

        donations.delete(early.id());
        donations.delete(late.id());
        assertThat(donors.summaryFor(donorId)).isEmpty();
    }

    @Test
    void movingAGiftToAnotherDonorRebuildsBothSummaries() {
        long first = people.create("First", "Donor");
        long second = people.create("Second", "Donor");
        Donation gift = donations.record(gift(first, "60", today, null, null));
        donations.record(gift(first, "5", today, null, null));

        DonationInput moved = new DonationInput(second, null, gift.amount(), gift.receivedOn(), gift.method(),
                gift.platform(), gift.externalId(), gift.campaign(), null, null, null);
        donations.update(gift.id(), moved);

        assertThat(donors.summaryFor(first).orElseThrow().lifetimeTotal()).isEqualByComparingTo("5");
        assertThat(donors.summaryFor(second).orElseThrow().lifetimeTotal()).isEqualByComparingTo("60");
    }

    @Test
    void refreshAllCatchesUpWithGiftsWrittenInBulkAndRemovesStaleRows() {
        long bulkDonor = people.create("Bulk", "Loaded");
        long staleDonor = people.create("Stale", "Row");
        jdbc.sql("""
                INSERT INTO donation (person_id, amount, received_on, method, source_platform, external_id, employer,
                                      occupation)
                VALUES (:id, 20, :today, 'CARD', 'ACTBLUE', :ext1, 'Acme', 'Cook'),
                       (:id, 300, :today, 'CARD', 'ACTBLUE', :ext2, NULL, NULL)
                """).param("id", bulkDonor).param("today", today).param("ext1", TestPeople.uniqueId("bulk"))
                .param("ext2", TestPeople.uniqueId("bulk")).update();
        jdbc.sql("""
                INSERT INTO donor_summary (person_id, donation_count, lifetime_total, first_gift_on, last_gift_on,
                    largest_gift, cycle_start, cycle_total, cycle_count, has_employer_occupation)
                VALUES (:id, 1, 10, :today, :today, 10, :cycleStart, 10, 1, FALSE)
                """).param("id", staleDonor).param("today", today).param("cycleStart", cycle.start()).update();
        assertThat(donors.summaryFor(bulkDonor)).isEmpty();

        int changed = donors.refreshAll();

        DonorSummary summary = donors.summaryFor(bulkDonor).orElseThrow();
        assertThat(summary.donationCount()).isEqualTo(2);
        assertThat(summary.lifetimeTotal()).isEqualByComparingTo("320");
        assertThat(summary.cycleTotal()).isEqualByComparingTo("320");
        assertThat(summary.hasEmployerAndOccupation()).isTrue();
        assertThat(donors.summaryFor(staleDonor)).isEmpty();
        assertThat(changed).isGreaterThanOrEqualTo(2);
        assertThat(donors.refreshAll()).as("a second pass finds nothing to change").isZero();
    }

    @Test
    void aRowLastBuiltInAnEarlierCycleCountsNothingThisCycle() {
        long donorId = people.create("Old", "Cycle");
        donations.record(gift(donorId, "500", cycle.start().minusYears(2), null, null));
        jdbc.sql("UPDATE donor_summary SET cycle_start = :earlier, cycle_total = 500, cycle_count = 1 "
                + "WHERE person_id = :id").param("earlier", cycle.start().minusYears(2)).param("id", donorId).update();

        DonorSummary summary = donors.summaryFor(donorId).orElseThrow();

        assertThat(summary.lifetimeTotal()).isEqualByComparingTo("500");
        assertThat(summary.cycleTotal()).isEqualByComparingTo("0");
        assertThat(summary.cycleCount()).isZero();
    }

    private static DonationInput gift(long personId, String amount, LocalDate receivedOn, String employer,
            String occupation) {
        return new DonationInput(personId, null, new BigDecimal(amount), receivedOn, PaymentMethod.CARD,
                DonationPlatform.MANUAL, null, null, employer, occupation, null);
    }
}
