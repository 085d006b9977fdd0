package org.grassroots.crm.volunteers.ui;

import java.time.Duration;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.volunteers.EventDetails;
import org.grassroots.crm.volunteers.EventService;
import org.grassroots.crm.volunteers.ShiftDraft;
import org.grassroots.crm.volunteers.ShiftRow;
import org.jspecify.annotations.Nullable;

/** Adds a shift to an event, or edits one; a new shift starts out covering the whole event. */
class ShiftDialog extends Dialog {

    final TextField role = new TextField("Role");
    final DateTimePicker startsAt = new DateTimePicker("Starts");
    final DateTimePicker endsAt = new DateTimePicker("Ends");
    final IntegerField capacity = new IntegerField("Places");

    ShiftDialog(EventService events, EventDetails event, @Nullable ShiftRow existing, Consumer<ShiftRow> onSaved) {
        setHeaderTitle(existing == null ? "Add shift" : "Edit shift");
        role.setMaxLength(100);
        role.setPlaceholder("e.g. Caller, Canvasser, Host");
        capacity.setMin(1);
        capacity.setStepButtonsVisible(true);
        capacity.setHelperText("How many volunteers this shift needs.");
        startsAt.setHelperText("Within " + When.range(event.startsAt(), event.endsAt()) + ".");
        if (existing != null) {
            role.setValue(existing.role());
            startsAt.setValue(existing.startsAt());
            endsAt.setValue(existing.endsAt());
            capacity.setValue(existing.capacity());
        } else {
            startsAt.setValue(event.startsAt());
            endsAt.setValue(event.endsAt());
            capacity.setValue(10);
        }
        startsAt.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getOldValue() != null && e.getValue() != null && endsAt.getValue() != null) {
                endsAt.setValue(endsAt.getValue().plus(Duration.between(e.getOldValue(), e.getValue())));
            }
        });
        FormLayout form = new FormLayout(role, capacity, startsAt, endsAt);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        FieldErrors errors = new FieldErrors().on("role", role).on("startsAt", startsAt).on("endsAt", endsAt)
                .on("capacity", capacity);
        Button save = new Button(existing == null ? "Add shift" : "Save shift", e -> {
            ShiftDraft draft = new ShiftDraft(role.getValue(), startsAt.getValue(), endsAt.getValue(),
                    capacity.getValue());
            try {
                ShiftRow saved = existing == null ? events.addShift(event.id(), draft)
                        : events.updateShift(existing.id(), draft);
                close();
                onSaved.accept(saved);
            } catch (InvalidInputException error) {
                errors.show(error);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(form);
        setWidth("min(36rem, 100vw)");
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
