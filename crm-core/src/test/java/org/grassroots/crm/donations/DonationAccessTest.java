package org.grassroots.crm.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.grassroots.crm.people.PersonDataParticipant;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Method security: everything that carries an amount or a donor's giving is for fundraisers and admins only. */
@SpringBootTest
class DonationAccessTest {

    @Autowired
    DonationService donations;

    @Autowired
    RecurringPlanService plans;

    @Autowired
    DonorService donors;

    @Autowired
    List<PersonDataParticipant> participants;

    @Autowired
    JdbcClient jdbc;

    long donorId;
    String donorEmail;
    Donation gift;
    RecurringPlan plan;

    @BeforeEach
    void dataToReach() {
        TestPeople people = new TestPeople(jdbc);
        donorId = people.create("Access", "Checked");
        donorEmail = people.emailOf(donorId);
        gift = AsUser.call(Role.FUNDRAISER, () -> donations.record(donationInput()));
        plan = AsUser.call(Role.FUNDRAISER, () -> plans.create(planInput()));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ORGANIZER", "VOLUNTEER_COORDINATOR", "ANALYST"})
    void everyAmountBearingMethodIsDenied(Role role) {
        amountBearingCalls().forEach((name, call) -> AsUser.run(role, () -> assertThatThrownBy(call)
                .as("%s as %s", name, role).isInstanceOf(AccessDeniedException.class)));
        assertThat(jdbc.sql("SELECT count(*) FROM donation WHERE person_id = :id").param("id", donorId)
                .query(Long.class).single()).as("nothing was written").isOne();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FUNDRAISER", "ADMIN"})
    void fundraisersAndAdminsMayCallThemAll(Role role) {
        amountBearingCalls().forEach((name, call) -> AsUser.run(role, () -> assertThatCode(call)
                .as("%s as %s", name, role).doesNotThrowAnyException()));
    }

    @Test
    void analystsSeeTheAggregateTotalsButOrganizersAndCoordinatorsDoNot() {
        assertThat(AsUser.call(Role.ANALYST, () -> donors.totals()).donationsThisCycle()).isPositive();
        for (Role role : List.of(Role.ORGANIZER, Role.VOLUNTEER_COORDINATOR)) {
            AsUser.run(role, () -> assertThatThrownBy(() -> donors.totals())
                    .isInstanceOf(AccessDeniedException.class));
        }
    }

    /** Each call succeeds for a fundraiser; the writes leave the data as it was for the next call. */
    private Map<String, ThrowingCallable> amountBearingCalls() {
        PersonDataParticipant donationData = participants.stream()
                .filter(participant -> participant.section().equals("donations")).findFirst().orElseThrow();
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("record", () -> donations.delete(donations.record(donationInput()).id()));
        calls.put("update", () -> donations.update(gift.id(), DonationInput.of(gift)));
        calls.put("delete", () -> donations.delete(donations.record(donationInput()).id()));
        calls.put("find", () -> donations.find(gift.id()));
        calls.put("list", () -> donations.list(DonationFilter.none(), null, 0, 10));
        calls.put("campaigns", () -> donations.campaigns());
        calls.put("findDonor", () -> donations.findDonor(donorEmail));
        calls.put("donor", () -> donations.donor(donorId));
        calls.put("plans.create", () -> plans.delete(plans.create(planInput()).id()));
        calls.put("plans.update", () -> plans.update(plan.id(), new RecurringPlanInput(donorId, null, plan.amount(),
                plan.interval(), plan.startedOn(), plan.nextChargeOn(), plan.platform(), plan.externalId())));
        calls.put("plans.changeStatus", () -> plans.changeStatus(plan.id(), PlanStatus.ACTIVE));
        calls.put("plans.delete", () -> plans.delete(plans.create(planInput()).id()));
        calls.put("plans.list", () -> plans.list(null, 0, 10));
        calls.put("plans.find", () -> plans.find(plan.id()));
        calls.put("plans.plansFor", () -> plans.plansFor(donorId));
        calls.put("summaryFor", () -> donors.summaryFor(donorId));
        calls.put("fecFollowUp", () -> donors.fecFollowUp(0, 10));
        calls.put("fecFollowUpCount", () -> donors.fecFollowUpCount());
        calls.put("refreshAll", () -> donors.refreshAll());
        calls.put("export", () -> donationData.export(donorId));
        return calls;
    }

    private DonationInput donationInput() {
        return new DonationInput(donorId, null, new BigDecimal("12.34"), LocalDate.now(), PaymentMethod.CARD,
                DonationPlatform.MANUAL, null, null, null, null, null);
    }

    private RecurringPlanInput planInput() {
        return new RecurringPlanInput(donorId, null, new BigDecimal("10"), PlanInterval.MONTHLY, LocalDate.now(),
                LocalDate.now().plusMonths(1), DonationPlatform.MANUAL, null);
    }
}
