package org.grassroots.crm.exports.ui;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import org.grassroots.crm.exports.ExportField;

/**
 * The columns an export may hold: the allow-list, contact fields apart from the donation fields that need a
 * fundraiser's sign-off as well as an administrator's approval. Columns come out in the allow-list's order.
 */
class FieldChoice extends Div implements HasValidation {

    final CheckboxGroup<ExportField> contact = new CheckboxGroup<>("Fields");
    final CheckboxGroup<ExportField> donation = new CheckboxGroup<>("Donation fields");

    FieldChoice() {
        addClassName("field-choice");
        contact.setItems(Arrays.stream(ExportField.values()).filter(field -> !field.donation()).toList());
        contact.setItemLabelGenerator(ExportField::label);
        contact.setRequiredIndicatorVisible(true);
        contact.addClassName("export-fields");
        donation.setItems(Arrays.stream(ExportField.values()).filter(ExportField::donation).toList());
        donation.setItemLabelGenerator(ExportField::label);
        donation.setHelperText("Need a fundraiser's sign-off as well as an administrator's approval.");
        donation.addClassName("export-donation-fields");
        contact.addValueChangeListener(e -> contact.setInvalid(false));
        donation.addValueChangeListener(e -> contact.setInvalid(false));
        add(contact, donation);
    }

    List<ExportField> fields() {
        return Stream.of(ExportField.values())
                .filter(field -> contact.getValue().contains(field) || donation.getValue().contains(field)).toList();
    }

    boolean includesDonationFields() {
        return !donation.getValue().isEmpty();
    }

    void onChange(Runnable onChange) {
        contact.addValueChangeListener(e -> onChange.run());
        donation.addValueChangeListener(e -> onChange.run());
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        contact.setErrorMessage(errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return contact.getErrorMessage();
    }

    @Override
    public void setInvalid(boolean invalid) {
        contact.setInvalid(invalid);
    }

    @Override
    public boolean isInvalid() {
        return contact.isInvalid();
    }
}
