package org.grassroots.crm.volunteers.ui;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.grassroots.crm.volunteers.AvailabilityWindow;

/**
 * Edits a volunteer's weekly availability: one row per window (day, from, to) and a button to add one. Shows the
 * service's refusal (an overlap, an end before the start) under the rows.
 */
class AvailabilityEditor extends Div implements HasValidation {

    private final Div rows = new Div();
    private final Span error = new Span();
    private final Span none = new Span("No windows yet: add the days and times they are usually free.");
    private final List<WindowRow> windows = new ArrayList<>();

    AvailabilityEditor() {
        addClassName("availability-editor");
        Span label = new Span("Weekly availability");
        label.addClassName("field-label");
        Button add = new Button("Add window", VaadinIcon.PLUS.create(), e -> addRow(null));
        add.addThemeVariants(ButtonVariant.TERTIARY);
        error.addClassName("field-error");
        error.setVisible(false);
        none.addClassName("muted");
        add(label, none, rows, error, add);
    }

    List<AvailabilityWindow> getWindows() {
        return windows.stream().map(WindowRow::window).toList();
    }

    void setWindows(List<AvailabilityWindow> value) {
        windows.clear();
        rows.removeAll();
        none.setVisible(true);
        value.forEach(this::addRow);
        setInvalid(false);
    }

    private void addRow(AvailabilityWindow window) {
        WindowRow row = new WindowRow(window);
        windows.add(row);
        rows.add(row);
        none.setVisible(false);
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        error.setText(errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return error.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible();
    }

    private final class WindowRow extends HorizontalLayout {

        private final Select<DayOfWeek> day = new Select<>();
        private final TimePicker start = new TimePicker();
        private final TimePicker end = new TimePicker();

        WindowRow(AvailabilityWindow window) {
            day.setItems(DayOfWeek.values());
            day.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            day.setAriaLabel("Day");
            day.setWidth("9em");
            start.setAriaLabel("From");
            end.setAriaLabel("To");
            start.setPlaceholder("From");
            end.setPlaceholder("To");
            start.setStep(Duration.ofMinutes(30));
            end.setStep(Duration.ofMinutes(30));
            start.setWidth("8em");
            end.setWidth("8em");
            if (window != null) {
                day.setValue(window.day());
                start.setValue(window.start());
                end.setValue(window.end());
            } else {
                day.setValue(DayOfWeek.SATURDAY);
                start.setValue(LocalTime.of(10, 0));
                end.setValue(LocalTime.of(14, 0));
            }
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                windows.remove(this);
                rows.remove(this);
                none.setVisible(windows.isEmpty());
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.setAriaLabel("Remove this window");
            // on a phone the times wrap under the day as one piece
            HorizontalLayout times = new HorizontalLayout(start, new Span("–"), end, remove);
            times.setAlignItems(FlexComponent.Alignment.BASELINE);
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            add(day, times);
        }

        AvailabilityWindow window() {
            return new AvailabilityWindow(day.getValue(), start.getValue(), end.getValue());
        }
    }
}
