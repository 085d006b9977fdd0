package org.grassroots.crm.donations.ui;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.donations.Donation;
import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.DonationService;
import org.grassroots.crm.donations.Dollars;
import org.grassroots.crm.donations.PaymentMethod;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;

/** Adds a gift, or corrects or deletes one. The Binder checks what it can; the service's refusals land on fields. */
final class DonationDialog extends Dialog {

    private final DonationService donations;
    private final Donation existing;
    private final Runnable onChange;
    private final DonationForm form;
    private final Binder<DonationForm> binder = new Binder<>();
    private final EmailField donorEmail = new EmailField("Donor email");
    private final DollarAmountField amount = new DollarAmountField("Amount");
    private final DatePicker receivedOn = new DatePicker("Received on");
    private final Select<PaymentMethod> method = new Select<>();
    private final Select<DonationPlatform> platform = new Select<>();
    private final TextField externalId = new TextField("Platform id");
    private final ComboBox<String> campaign = new ComboBox<>("Campaign");
    private final TextField employer = new TextField("Employer");
    private final TextField occupation = new TextField("Occupation");
    private final FieldErrors errors = new FieldErrors();

    private DonationDialog(DonationService donations, List<String> campaigns, Donation existing, DonationForm form,
            Runnable onChange) {
        this.donations = donations;
        this.existing = existing;
        this.form = form;
        this.onChange = onChange;
        setHeaderTitle(existing == null ? "Add donation" : "Edit donation #" + existing.id());
        setWidth("min(44rem, 100vw)");
        configureFields(campaigns);
        bindFields();
        binder.readBean(form);
        add(layout());
        Button save = new Button(existing == null ? "Add donation" : "Save changes", event -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        if (existing != null) {
            Button delete = new Button("Delete", event -> confirmDelete());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.getStyle().set("margin-inline-end", "auto");
            getFooter().add(delete);
        }
        getFooter().add(cancel, save);
    }

    static DonationDialog forNewGift(DonationService donations, List<String> campaigns, String donorEmail,
            Runnable onChange) {
        return new DonationDialog(donations, campaigns, null, DonationForm.blank(donorEmail), onChange);
    }

    static DonationDialog forGift(DonationService donations, List<String> campaigns, Donation gift,
            Runnable onChange) {
        return new DonationDialog(donations, campaigns, gift, DonationForm.of(gift), onChange);
    }

    private void configureFields(List<String> campaigns) {
        donorEmail.setHelperText(existing == null ? "The supporter is found by any of their email addresses."
                : existing.personId() == null ? "The donor was erased; leave empty to keep the gift unlinked."
                : "Recording for " + existing.donorName() + ".");
        donorEmail.addValueChangeListener(event -> showDonor(event.getValue()));
        receivedOn.setMax(LocalDate.now());
        method.setLabel("Method");
        method.setItems(PaymentMethod.values());
        method.setItemLabelGenerator(PaymentMethod::label);
        platform.setLabel("Platform");
        platform.setItems(DonationPlatform.values());
        platform.setItemLabelGenerator(DonationPlatform::label);
        externalId.setHelperText("The platform's own id for this gift; leave empty for gifts entered by staff.");
        campaign.setItems(campaigns);
        campaign.setAllowCustomValue(true);
        campaign.addCustomValueSetListener(event -> campaign.setValue(event.getDetail()));
        employer.setHelperText("Required by the FEC once a donor gives more than $200 in a cycle.");
    }

    private void bindFields() {
        boolean donorRequired = existing == null || existing.personId() != null;
        var email = binder.forField(donorEmail);
        if (donorRequired) {
            email = email.asRequired("Enter the donor's email address.");
        }
        email.bind(DonationForm::getDonorEmail, DonationForm::setDonorEmail);
        amount.bind(binder, DonationForm::getAmount, DonationForm::setAmount);
        binder.forField(receivedOn).asRequired("Enter the date.")
                .withValidator(date -> !date.isAfter(LocalDate.now()), "The date cannot be in the future.")
                .bind(DonationForm::getReceivedOn, DonationForm::setReceivedOn);
        binder.forField(method).asRequired("Choose how the money came in.")
                .bind(DonationForm::getMethod, DonationForm::setMethod);
        binder.forField(platform).asRequired("Choose the platform.")
                .bind(DonationForm::getPlatform, DonationForm::setPlatform);
        binder.forField(externalId).withValidator(new StringLengthValidator("Use at most 100 characters.", 0, 100))
                .bind(DonationForm::getExternalId, DonationForm::setExternalId);
        binder.forField(campaign).withValidator(new StringLengthValidator("Use at most 100 characters.", 0, 100))
                .bind(DonationForm::getCampaign, DonationForm::setCampaign);
        binder.forField(employer).withValidator(new StringLengthValidator("Use at most 100 characters.", 0, 100))
                .bind(DonationForm::getEmployer, DonationForm::setEmployer);
        binder.forField(occupation).withValidator(new StringLengthValidator("Use at most 100 characters.", 0, 100))
                .bind(DonationForm::getOccupation, DonationForm::setOccupation);
        errors.on("email", donorEmail).on("personId", donorEmail).on("amount", amount).on("receivedOn", receivedOn)
                .on("method", method).on("platform", platform).on("externalId", externalId)
                .on("campaign", campaign).on("employer", employer).on("occupation", occupation);
    }

    private FormLayout layout() {
        FormLayout layout = new FormLayout(donorEmail, amount, receivedOn, method, platform, externalId, campaign,
                employer, occupation);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        layout.setColspan(donorEmail, 2);
        return layout;
    }

    /** Says whom the gift will be recorded for, or why nobody, as soon as the email is typed. */
    private void showDonor(String email) {
        if (email == null || email.isBlank()) {
            return;
        }
        try {
            var donor = donations.findDonor(email);
            donorEmail.setHelperText("Recording for " + donor.name() + " (supporter #" + donor.personId() + ").");
        } catch (InvalidInputException e) {
            errors.show(new InvalidInputException("email", e.getMessage()));
        }
    }

    private void save() {
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            Donation saved = existing == null ? donations.record(form.toInput())
                    : donations.update(existing.id(), form.toInput());
            Feedback.success((existing == null ? "Recorded " : "Saved ") + Dollars.format(saved.amount())
                    + (saved.donorName() == null ? "." : " from " + saved.donorName() + "."));
            close();
            onChange.run();
        } catch (InvalidInputException e) {
            errors.show(e);
        }
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog("Delete this donation?",
                "This removes the " + Dollars.format(existing.amount()) + " gift"
                        + (existing.donorName() == null ? "" : " of " + existing.donorName()) + " received "
                        + DonationsNavigation.DATE.format(existing.receivedOn())
                        + ". The audit log keeps a record of it.", "Delete", event -> delete());
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void delete() {
        try {
            donations.delete(existing.id());
            Feedback.success("Deleted donation #" + existing.id() + ".");
            close();
            onChange.run();
        } catch (InvalidInputException e) {
            errors.show(e);
        }
    }
}
