package org.grassroots.crm.volunteers.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.RouterLink;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.volunteers.ShiftRow;
import org.grassroots.crm.volunteers.SignupRow;
import org.grassroots.crm.volunteers.SignupService;
import org.grassroots.crm.volunteers.SignupStatus;

/** The sign-ups of the shift chosen on an event page: sign someone up by e-mail, track status, log hours. */
class ShiftSignupsPanel extends VerticalLayout {

    static final String NO_SIGNUPS = "Nobody has signed up yet. Enter a supporter's e-mail above to sign them up.";

    private final SignupService signups;
    private final Runnable onChanged;
    private final H3 heading = new H3();
    final EmailField email = new EmailField();
    final Button signUp = new Button("Sign up");
    final Grid<SignupRow> grid = new Grid<>();
    private final FieldErrors errors;
    private ShiftRow shift;

    ShiftSignupsPanel(SignupService signups, Runnable onChanged) {
        this.signups = signups;
        this.onChanged = onChanged;
        setPadding(false);
        addClassName("shift-signups");

        email.setLabel("Sign up a supporter by e-mail");
        email.setPlaceholder("supporter@example.org");
        email.setClearButtonVisible(true);
        email.setMinWidth("16em");
        signUp.addThemeVariants(ButtonVariant.PRIMARY);
        signUp.addClickListener(e -> signUp());
        signUp.addClickShortcut(Key.ENTER).listenOn(email);
        errors = new FieldErrors().on("email", email).on("personId", email).on("shiftId", email);
        HorizontalLayout form = new HorizontalLayout(email, signUp);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.addComponentColumn(this::person).setHeader("Volunteer").setFlexGrow(2);
        grid.addComponentColumn(row -> new SignupStatusSelect(signups, row.id(), row.status(), name(row),
                this::changed)).setHeader("Status").setKey("status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::hours).setHeader("Hours").setKey("hours").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(NO_SIGNUPS);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);

        add(heading, form, grid);
        setVisible(false);
    }

    /** Shows the sign-ups of {@code selected}, or hides the panel when no shift is chosen. */
    void show(ShiftRow selected) {
        this.shift = selected;
        setVisible(selected != null);
        if (selected == null) {
            return;
        }
        heading.setText("%s · %s · %s places taken".formatted(selected.role(),
                When.range(selected.startsAt(), selected.endsAt()), selected.fillLevel()));
        // a short list grows with its rows; a rally's thousands scroll lazily in a fixed height
        grid.setAllRowsVisible(selected.capacity() <= 100);
        grid.setHeight(selected.capacity() <= 100 ? null : "32rem");
        grid.setItems(query -> signups.forShift(selected.id(), query.getOffset(), query.getLimit()).stream());
    }

    private void signUp() {
        try {
            SignupRow row = signups.signUpByEmail(shift.id(), email.getValue());
            Feedback.success(name(row) + " is signed up for " + shift.role() + ".");
            email.clear();
            email.setInvalid(false);
            changed();
        } catch (InvalidInputException error) {
            errors.show(error);
        }
    }

    private void changed() {
        onChanged.run();
    }

    private Component person(SignupRow row) {
        if (row.person() == null) {
            Span erased = new Span("Erased supporter");
            erased.addClassName("muted");
            return erased;
        }
        RouterLink name = VolunteerProfileView.link(row.person().id(), row.person().name());
        return Cells.twoLines(name, row.person().email() == null ? "" : row.person().email());
    }

    private Component hours(SignupRow row) {
        Span logged = new Span(When.hours(row.hours()));
        if (row.status() != SignupStatus.ATTENDED) {
            return logged;
        }
        Button log = new Button(row.hours() == null ? "Log hours" : "Edit",
                e -> new HoursDialog(signups, row.id(), name(row), shift.startsAt(), shift.endsAt(), row.hours(),
                        this::changed).open());
        log.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        log.setAriaLabel("Log hours for " + name(row));
        HorizontalLayout cell = new HorizontalLayout(logged, log);
        cell.setAlignItems(FlexComponent.Alignment.BASELINE);
        return cell;
    }

    private static String name(SignupRow row) {
        return row.person() == null ? "Erased supporter" : row.person().name();
    }
}
