package org.grassroots.crm.donations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.people.PersonCriterion;
import org.grassroots.crm.people.PersonDataParticipant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/** Gifts follow a merged supporter, stay on the books unlinked after an erasure, and appear in their export. */
@SpringBootTest
@WithMockUser(username = "admin-test", roles = "ADMIN")
class DonationPersonDataTest {

    @Autowired
    DonationService donations;

    @Autowired
    RecurringPlanService plans;

    @Autowired
    DonorService donors;

    @Autowired
    List<PersonDataParticipant> participants;

    @Autowired
    List<PersonCriterion> criteria;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    TestPeople people;
    PersonDataParticipant donationData;

    @BeforeEach
    void setUp() {
        people = new TestPeople(jdbc);
        donationData = participants.stream().filter(p -> p.section().equals("donations")).findFirst().orElseThrow();
    }

    @Test
    void mergingMovesGiftsAndPlansToTheSurvivorAndRebuildsBothSummaries() {
        long duplicate = people.create("Dupe", "Donor");
        long survivor = people.create("Real", "Donor");
        give(duplicate, "150");
        give(duplicate, "100");
        give(survivor, "20");
        RecurringPlan plan = plans.create(plan(duplicate));

        transaction.executeWithoutResult(status -> donationData.moveAll(duplicate, survivor));

        assertThat(donors.summaryFor(duplicate)).isEmpty();
        DonorSummary merged = donors.summaryFor(survivor).orElseThrow();
        assertThat(merged.donationCount()).isEqualTo(3);
        assertThat(merged.lifetimeTotal()).isEqualByComparingTo("270");
        assertThat(merged.cycleTotal()).isEqualByComparingTo("270");
        assertThat(plans.find(plan.id()).orElseThrow().personId()).isEqualTo(survivor);
        assertThat(donations.list(DonationFilter.none().forPerson(duplicate), null, 0, 10)).isEmpty();
        assertThat(donorIds(DonationFilter.none().forPerson(survivor))).hasSize(3);
    }

    @Test
    void erasingKeepsTheGiftsForTheBooksButUnlinksThemAndDropsTheSummary() {
        long donorId = people.create("Gone", "Person");
        Donation gift = give(donorId, "250");
        RecurringPlan plan = plans.create(plan(donorId));

        transaction.executeWithoutResult(status -> donationData.erase(donorId));

        Donation kept = donations.find(gift.id()).orElseThrow();
        assertThat(kept.personId()).isNull();
        assertThat(kept.donorName()).isNull();
        assertThat(kept.donorEmail()).isNull();
        assertThat(kept.amount()).isEqualByComparingTo("250");
        assertThat(plans.find(plan.id()).orElseThrow().personId()).isNull();
        assertThat(donors.summaryFor(donorId)).isEmpty();
        assertThat(donors.fecFollowUp(0, 500)).extracting(FecFollowUpDonor::personId).doesNotContain(donorId);
        assertThat(donors.refreshAll()).as("an unlinked gift has no summary to rebuild").isGreaterThanOrEqualTo(0);
        assertThat(donors.summaryFor(donorId)).isEmpty();
    }

    @Test
    void exportListsThePersonsGiftsAndPlans() {
        long donorId = people.create("Sar", "Export");
        Donation gift = give(donorId, "33.30");
        RecurringPlan plan = plans.create(plan(donorId));

        List<Map<String, Object>> export = donationData.export(donorId);

        assertThat(export).hasSize(2);
        assertThat(export.getFirst()).containsEntry("type", "donation").containsEntry("id", gift.id())
                .containsEntry("amount", "33.30").containsEntry("receivedOn", gift.receivedOn().toString())
                .containsEntry("platform", "MANUAL");
        assertThat(export.get(1)).containsEntry("type", "recurring_plan").containsEntry("id", plan.id())
                .containsEntry("interval", "MONTHLY").containsEntry("status", "ACTIVE");
    }

    @Test
    void hasDonatedMatchesOnlyPeopleWithAGift() {
        long donor = people.create("Has", "Given");
        long nonDonor = people.create("Not", "Yet");
        give(donor, "5");
        PersonCriterion hasDonated = criteria.stream().filter(c -> c.key().equals("has-donated")).findFirst()
                .orElseThrow();

        List<Long> matching = jdbc.sql("SELECT p.id FROM person p WHERE p.id IN (:ids) AND "
                + hasDonated.sqlCondition()).param("ids", List.of(donor, nonDonor)).query(Long.class).list();

        assertThat(hasDonated.label()).isEqualTo("Has donated");
        assertThat(matching).containsExactly(donor);
    }

    private List<Long> donorIds(DonationFilter filter) {
        return donations.list(filter, null, 0, 10).stream().map(Donation::id).toList();
    }

    private Donation give(long personId, String amount) {
        return donations.record(new DonationInput(personId, null, new BigDecimal(amount), LocalDate.now(),
                PaymentMethod.CHECK, DonationPlatform.MANUAL, null, null, null, null, null));
    }

    private static RecurringPlanInput plan(long personId) {
        return new RecurringPlanInput(personId, null, new BigDecimal("15"), PlanInterval.MONTHLY, LocalDate.now(),
                null, DonationPlatform.MANUAL, null);
    }
}
