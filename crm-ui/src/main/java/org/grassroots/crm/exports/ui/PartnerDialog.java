package org.grassroots.crm.exports.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerDraft;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;
import org.jspecify.annotations.Nullable;

/** Adds a partner, or changes one: name (required, unique), contact name and e-mail, notes. */
class PartnerDialog extends Dialog {

    final TextField name = new TextField("Name");
    final TextField contactName = new TextField("Contact name");
    final EmailField contactEmail = new EmailField("Contact e-mail");
    final TextArea notes = new TextArea("Notes");
    final Button save;
    private final PartnerService partners;
    private final @Nullable Partner existing;
    private final Consumer<Partner> onSaved;
    private final FieldErrors errors;

    PartnerDialog(PartnerService partners, @Nullable Partner existing, Consumer<Partner> onSaved) {
        this.partners = partners;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(existing == null ? "New partner" : "Edit " + existing.name());
        setWidth("36rem");
        setMaxWidth("100%");
        addClassName("partner-dialog");

        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(200);
        name.setHelperText("The organisation, as supporters know it.");
        contactName.setMaxLength(200);
        contactEmail.setMaxLength(320);
        contactEmail.setHelperText("Who receives exports and agrees match keys with us.");
        contactEmail.setErrorMessage("Enter the contact's e-mail address like name@example.org, or leave it empty.");
        notes.setMaxLength(5000);
        notes.setHelperText("The agreement, who to call, anything colleagues should know.");
        if (existing != null) {
            name.setValue(existing.name());
            contactName.setValue(orEmpty(existing.contactName()));
            contactEmail.setValue(orEmpty(existing.contactEmail()));
            notes.setValue(orEmpty(existing.notes()));
        }
        errors = new FieldErrors().on("name", name).on("contactName", contactName).on("contactEmail", contactEmail)
                .on("notes", notes);

        FormLayout form = new FormLayout(name, contactName, contactEmail, notes);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
        form.setColspan(name, 2);
        form.setColspan(notes, 2);
        add(form);

        save = new Button(existing == null ? "Add partner" : "Save", e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
        name.setAutofocus(true);
    }

    private void save() {
        if (name.getValue().isBlank()) {
            name.setErrorMessage("Enter the partner's name.");
            name.setInvalid(true);
            name.focus();
            return;
        }
        PartnerDraft draft = new PartnerDraft(name.getValue(), contactName.getValue(), contactEmail.getValue(),
                notes.getValue());
        try {
            Partner saved = existing == null ? partners.create(draft) : partners.update(existing.id(), draft);
            close();
            Feedback.success((existing == null ? "Added " : "Saved ") + saved.name() + ".");
            onSaved.accept(saved);
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
