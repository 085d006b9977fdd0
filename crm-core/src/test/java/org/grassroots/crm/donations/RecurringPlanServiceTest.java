package org.grassroots.crm.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.grassroots.crm.common.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "fundraiser-test", roles = "FUNDRAISER")
class RecurringPlanServiceTest {

    @Autowired
    RecurringPlanService plans;

    @Autowired
    DonationService donations;

    @Autowired
    DonorService donors;

    @Autowired
    JdbcClient jdbc;

    long donorId;
    String donorEmail;

    @BeforeEach
    void donor() {
        TestPeople people = new TestPeople(jdbc);
        donorId = people.create("Monthly", "Giver");
        donorEmail = people.emailOf(donorId);
    }

    @Test
    void addsAPlanForTheSupporterWithThatEmail() {
        long activeBefore = donors.totals().activeRecurringPlans();
        RecurringPlan plan = plans.create(new RecurringPlanInput(null, donorEmail, new BigDecimal("19"),
                PlanInterval.MONTHLY, LocalDate.now().minusMonths(2), LocalDate.now().plusDays(3),
                DonationPlatform.ACTBLUE, TestPeople.uniqueId("ABR")));

        assertThat(plan.personId()).isEqualTo(donorId);
        assertThat(plan.donorName()).isEqualTo("Monthly Giver");
        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plans.plansFor(donorId)).containsExactly(plan);
        assertThat(plans.list(PlanStatus.ACTIVE, 0, 500)).contains(plan);
        assertThat(donors.totals().activeRecurringPlans()).isEqualTo(activeBefore + 1);
        assertThat(auditEvents("RECURRING_PLAN_CREATED", plan.id())).isOne();
    }

    @Test
    void pausesResumesAndCancelsButACancelledPlanStaysCancelled() {
        RecurringPlan plan = plans.create(monthly(null));

        assertThat(plans.changeStatus(plan.id(), PlanStatus.PAUSED).status()).isEqualTo(PlanStatus.PAUSED);
        assertThat(plans.changeStatus(plan.id(), PlanStatus.ACTIVE).status()).isEqualTo(PlanStatus.ACTIVE);
        RecurringPlan cancelled = plans.changeStatus(plan.id(), PlanStatus.CANCELLED);

        assertThat(cancelled.status()).isEqualTo(PlanStatus.CANCELLED);
        assertThat(cancelled.nextChargeOn()).isNull();
        assertThatThrownBy(() -> plans.changeStatus(plan.id(), PlanStatus.ACTIVE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThat(auditEvents("RECURRING_PLAN_STATUS_CHANGED", plan.id())).isEqualTo(3);
    }

    @Test
    void refusesBadAmountsDatesAndADuplicatePlatformId() {
        String externalId = TestPeople.uniqueId("ABR");
        plans.create(monthly(externalId));

        assertRefused(new RecurringPlanInput(donorId, null, new BigDecimal("-1"), PlanInterval.MONTHLY,
                LocalDate.now(), null, DonationPlatform.MANUAL, null), "amount");
        assertRefused(new RecurringPlanInput(donorId, null, new BigDecimal("5"), null, LocalDate.now(), null,
                DonationPlatform.MANUAL, null), "interval");
        assertRefused(new RecurringPlanInput(donorId, null, new BigDecimal("5"), PlanInterval.WEEKLY,
                LocalDate.now(), LocalDate.now().minusDays(1), DonationPlatform.MANUAL, null), "nextChargeOn");
        assertRefused(monthly(externalId), "externalId");
        assertThat(plans.plansFor(donorId)).hasSize(1);
    }

    @Test
    void aPlanWithGiftsCannotBeDeletedButAnUnusedOneCan() {
        RecurringPlan used = plans.create(monthly(null));
        donations.record(new DonationInput(donorId, null, new BigDecimal("10"), LocalDate.now(), PaymentMethod.CARD,
                DonationPlatform.MANUAL, null, null, null, null, used.id()));
        RecurringPlan unused = plans.create(monthly(null));

        assertThatThrownBy(() -> plans.delete(used.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cancel it instead");
        plans.delete(unused.id());

        assertThat(plans.plansFor(donorId)).extracting(RecurringPlan::id).containsExactly(used.id());
        assertThat(auditEvents("RECURRING_PLAN_DELETED", unused.id())).isOne();
    }

    @Test
    void aGiftCannotBeFiledUnderAnotherDonorsPlan() {
        long otherDonor = new TestPeople(jdbc).create("Other", "Planner");
        RecurringPlan othersPlan = plans.create(new RecurringPlanInput(otherDonor, null, new BigDecimal("10"),
                PlanInterval.MONTHLY, LocalDate.now(), null, DonationPlatform.MANUAL, null));

        assertThatThrownBy(() -> donations.record(new DonationInput(donorId, null, new BigDecimal("10"),
                LocalDate.now(), PaymentMethod.CARD, DonationPlatform.MANUAL, null, null, null, null,
                othersPlan.id()))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("recurringPlanId"));
    }

    private RecurringPlanInput monthly(String externalId) {
        return new RecurringPlanInput(donorId, null, new BigDecimal("10"), PlanInterval.MONTHLY, LocalDate.now(),
                LocalDate.now().plusMonths(1), DonationPlatform.ACTBLUE, externalId);
    }

    private void assertRefused(RecurringPlanInput input, String field) {
        assertThatThrownBy(() -> plans.create(input)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private long auditEvents(String action, long targetId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND target_type = 'recurring_plan' "
                + "AND target_id = :id").param("action", action).param("id", String.valueOf(targetId))
                .query(Long.class).single();
    }
}
