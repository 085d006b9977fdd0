package org.grassroots.crm.donations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import org.grassroots.crm.donations.PlanInterval;
import org.grassroots.crm.donations.PlanStatus;
import org.grassroots.crm.donations.RecurringPlan;
import org.grassroots.crm.donations.RecurringPlanService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "fundraiser-test", roles = "FUNDRAISER")
class RecurringPlansViewTest extends SpringBrowserlessTest {

    @Autowired
    RecurringPlanService plans;

    @Autowired
    JdbcClient jdbc;

    @Test
    void addsAPlanThroughTheDialog() {
        String email = UiTestPeople.uniqueEmail("plan");
        long donorId = new UiTestPeople(jdbc).create("Penny", "Plan", email);
        navigate(RecurringPlansView.class);

        test($view(Button.class).withText("Add plan").single()).click();
        Dialog dialog = $(Dialog.class).single();
        test($(EmailField.class, dialog).withCaption("Donor email").single()).setValue(email);
        test($(BigDecimalField.class, dialog).withCaption("Amount per charge").single())
                .setValue(new BigDecimal("19"));
        test($(Select.class, dialog).withCaption("Frequency").single()).selectItem("Quarterly");
        test($(Button.class, dialog).withText("Add plan").single()).click();

        RecurringPlan plan = plans.plansFor(donorId).getFirst();
        assertThat(plan.amount()).isEqualByComparingTo("19");
        assertThat(plan.interval()).isEqualTo(PlanInterval.QUARTERLY);
        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(dialog.isOpened()).isFalse();
    }
}
