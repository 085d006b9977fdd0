package org.grassroots.crm.donations.ui;

import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.Dollars;
import org.grassroots.crm.donations.PlanInterval;
import org.grassroots.crm.donations.RecurringPlan;
import org.grassroots.crm.donations.RecurringPlanService;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;

/** Adds a recurring plan or corrects one; status changes happen on the list. */
final class RecurringPlanDialog extends Dialog {

    private final RecurringPlanService plans;
    private final RecurringPlan existing;
    private final Runnable onChange;
    private final PlanForm form;
    private final Binder<PlanForm> binder = new Binder<>();
    private final EmailField donorEmail = new EmailField("Donor email");
    private final DollarAmountField amount = new DollarAmountField("Amount per charge");
    private final Select<PlanInterval> interval = new Select<>();
    private final DatePicker startedOn = new DatePicker("Started on");
    private final DatePicker nextChargeOn = new DatePicker("Next charge");
    private final Select<DonationPlatform> platform = new Select<>();
    private final TextField externalId = new TextField("Platform id");
    private final FieldErrors errors = new FieldErrors();

    RecurringPlanDialog(RecurringPlanService plans, RecurringPlan existing, Runnable onChange) {
        this.plans = plans;
        this.existing = existing;
        this.onChange = onChange;
        this.form = existing == null ? PlanForm.blank() : PlanForm.of(existing);
        setHeaderTitle(existing == null ? "Add recurring plan" : "Edit recurring plan #" + existing.id());
        setWidth("min(40rem, 100vw)");
        interval.setLabel("Frequency");
        interval.setItems(PlanInterval.values());
        interval.setItemLabelGenerator(PlanInterval::label);
        platform.setLabel("Platform");
        platform.setItems(DonationPlatform.values());
        platform.setItemLabelGenerator(DonationPlatform::label);
        startedOn.setMax(LocalDate.now());
        nextChargeOn.setHelperText("Leave empty when unknown.");
        externalId.setHelperText("The platform's id for this plan, if it has one.");
        bindFields();
        binder.readBean(form);
        FormLayout layout = new FormLayout(donorEmail, amount, interval, startedOn, nextChargeOn, platform,
                externalId);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        layout.setColspan(donorEmail, 2);
        add(layout);
        Button save = new Button(existing == null ? "Add plan" : "Save changes", event -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), save);
    }

    private void bindFields() {
        binder.forField(donorEmail).asRequired("Enter the donor's email address.")
                .bind(PlanForm::getDonorEmail, PlanForm::setDonorEmail);
        amount.bind(binder, PlanForm::getAmount, PlanForm::setAmount);
        binder.forField(interval).asRequired("Choose how often the plan charges.")
                .bind(PlanForm::getInterval, PlanForm::setInterval);
        binder.forField(startedOn).asRequired("Enter the date.")
                .withValidator(date -> !date.isAfter(LocalDate.now()), "The date cannot be in the future.")
                .bind(PlanForm::getStartedOn, PlanForm::setStartedOn);
        binder.forField(nextChargeOn).bind(PlanForm::getNextChargeOn, PlanForm::setNextChargeOn);
        binder.forField(platform).asRequired("Choose the platform.")
                .bind(PlanForm::getPlatform, PlanForm::setPlatform);
        binder.forField(externalId).withValidator(new StringLengthValidator("Use at most 100 characters.", 0, 100))
                .bind(PlanForm::getExternalId, PlanForm::setExternalId);
        errors.on("email", donorEmail).on("personId", donorEmail).on("amount", amount).on("interval", interval)
                .on("startedOn", startedOn).on("nextChargeOn", nextChargeOn).on("platform", platform)
                .on("externalId", externalId);
    }

    private void save() {
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            RecurringPlan saved = existing == null ? plans.create(form.toInput())
                    : plans.update(existing.id(), form.toInput());
            Feedback.success("Saved the " + saved.interval().label().toLowerCase() + " plan of "
                    + Dollars.format(saved.amount()) + " for " + saved.donorName() + ".");
            close();
            onChange.run();
        } catch (InvalidInputException e) {
            errors.show(e);
        }
    }
}
