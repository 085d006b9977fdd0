package org.grassroots.crm.volunteers.ui;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.volunteers.EventDetails;
import org.grassroots.crm.volunteers.EventDraft;
import org.grassroots.crm.volunteers.EventKind;
import org.grassroots.crm.volunteers.EventService;
import org.jspecify.annotations.Nullable;

/** Creates an event, or edits one when given its details. Times are where the event happens. */
class EventDialog extends Dialog {

    final Select<EventKind> kind = new Select<>();
    final TextField title = new TextField("Title");
    final DateTimePicker startsAt = new DateTimePicker("Starts");
    final DateTimePicker endsAt = new DateTimePicker("Ends");
    final TextField place = new TextField("Place");
    final ComboBox<UsState> state = new ComboBox<>("State");

    EventDialog(EventService events, @Nullable EventDetails existing, Consumer<EventDetails> onSaved) {
        setHeaderTitle(existing == null ? "New event" : "Edit event");
        kind.setLabel("Kind");
        kind.setItems(EventKind.values());
        kind.setItemLabelGenerator(EventKind::label);
        title.setMaxLength(200);
        title.setPlaceholder("e.g. GOTV weekend phone bank");
        place.setMaxLength(200);
        place.setPlaceholder("City, venue or “Online”");
        state.setItems(UsState.values());
        state.setItemLabelGenerator(s -> s.name() + " — " + s.displayName());
        state.setClearButtonVisible(true);
        state.setHelperText("Leave empty for a national or online event.");
        startsAt.setHelperText("Local time where the event happens.");
        if (existing != null) {
            kind.setValue(existing.kind());
            title.setValue(existing.title());
            startsAt.setValue(existing.startsAt());
            endsAt.setValue(existing.endsAt());
            place.setValue(existing.place() == null ? "" : existing.place());
            state.setValue(existing.state());
        } else {
            kind.setValue(EventKind.PHONE_BANK);
            startsAt.setValue(LocalDate.now().plusDays(7).atTime(LocalTime.of(10, 0)));
            endsAt.setValue(LocalDate.now().plusDays(7).atTime(LocalTime.of(13, 0)));
        }
        startsAt.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getOldValue() != null && e.getValue() != null && endsAt.getValue() != null) {
                endsAt.setValue(endsAt.getValue().plus(Duration.between(e.getOldValue(), e.getValue())));
            }
        });

        FormLayout form = new FormLayout(kind, title, startsAt, endsAt, place, state);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        form.setColspan(title, 2);
        FieldErrors errors = new FieldErrors().on("kind", kind).on("title", title).on("startsAt", startsAt)
                .on("endsAt", endsAt).on("place", place).on("state", state);
        Button save = new Button(existing == null ? "Create event" : "Save changes", e -> {
            EventDraft draft = new EventDraft(kind.getValue(), title.getValue(), startsAt.getValue(),
                    endsAt.getValue(), place.getValue(), state.getValue() == null ? null : state.getValue().name());
            try {
                EventDetails saved = existing == null ? events.create(draft) : events.update(existing.id(), draft);
                close();
                onSaved.accept(saved);
            } catch (InvalidInputException error) {
                errors.show(error);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(form);
        setWidth("min(40rem, 100vw)");
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
