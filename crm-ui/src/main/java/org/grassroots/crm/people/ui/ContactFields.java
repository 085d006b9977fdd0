package org.grassroots.crm.people.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.ui.FieldErrors;

/**
 * Name, address and source fields bound to a {@link ContactDraft}, with the checks a browser can make at once (the
 * service repeats them, and adds the ZIP/state match); service refusals land on the same fields.
 */
class ContactFields {

    private static final String STATE_HINT = "Filled from the ZIP when left empty";
    private static final String ZIP_HINT = "5 digits, or ZIP+4";
    private static final String SOURCE_HINT = "Where they came from, e.g. petition-2026";
    static final String ZIP_PATTERN = "\\s*[0-9]{3,5}(-?[0-9]{4})?\\s*";

    final TextField firstName = new TextField("First name");
    final TextField lastName = new TextField("Last name");
    final TextField street = new TextField("Street");
    final TextField city = new TextField("City");
    final ComboBox<UsState> state = new ComboBox<>("State");
    final TextField zip = new TextField("ZIP");
    final TextField source = new TextField("Source");
    final Binder<ContactDraft> binder = new Binder<>(ContactDraft.class);
    final FieldErrors errors = new FieldErrors();

    ContactFields() {
        state.setItems(UsState.values());
        state.setItemLabelGenerator(s -> s.name() + " · " + s.displayName());
        state.setClearButtonVisible(true);
        setReadOnly(false);
        binder.forField(firstName).withValidator(new StringLengthValidator("Use at most 100 characters.", 0, 100))
                .bind(ContactDraft::getFirstName, ContactDraft::setFirstName);
        binder.forField(lastName).withValidator(new StringLengthValidator("Use at most 100 characters.", 0, 100))
                .bind(ContactDraft::getLastName, ContactDraft::setLastName);
        binder.forField(street).withValidator(new StringLengthValidator("Use at most 200 characters.", 0, 200))
                .bind(ContactDraft::getStreet, ContactDraft::setStreet);
        binder.forField(city).withValidator(new StringLengthValidator("Use at most 100 characters.", 0, 100))
                .bind(ContactDraft::getCity, ContactDraft::setCity);
        binder.forField(state).bind(ContactDraft::getState, ContactDraft::setState);
        binder.forField(zip)
                .withValidator(value -> value == null || value.isBlank() || value.matches(ZIP_PATTERN),
                        "Enter a 5-digit ZIP code or ZIP+4, like 78701 or 78701-1234.")
                .bind(ContactDraft::getZip, ContactDraft::setZip);
        binder.forField(source).withValidator(new StringLengthValidator("Use at most 100 characters.", 0, 100))
                .bind(ContactDraft::getSource, ContactDraft::setSource);
        errors.on("firstName", firstName).on("lastName", lastName).on("street", street).on("city", city)
                .on("state", state).on("zip", zip).on("source", source);
    }

    FormLayout layout() {
        FormLayout form = new FormLayout(firstName, lastName, street, city, state, zip, source);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(street, 2);
        return form;
    }

    List<Component> all() {
        return List.of(firstName, lastName, street, city, state, zip, source);
    }

    /** Read-only shows the values only; the typing hints appear while editing. */
    void setReadOnly(boolean readOnly) {
        binder.setReadOnly(readOnly);
        state.setHelperText(readOnly ? null : STATE_HINT);
        zip.setHelperText(readOnly ? null : ZIP_HINT);
        source.setHelperText(readOnly ? null : SOURCE_HINT);
    }

    /** Clears earlier service messages before the next attempt. */
    void clearServiceErrors() {
        for (var field : List.of(firstName, lastName, street, city, zip, source)) {
            field.setInvalid(false);
        }
        state.setInvalid(false);
    }
}
