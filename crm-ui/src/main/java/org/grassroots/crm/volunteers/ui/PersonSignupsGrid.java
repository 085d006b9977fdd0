package org.grassroots.crm.volunteers.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.grassroots.crm.volunteers.SignupService;
import org.grassroots.crm.volunteers.SignupStatus;
import org.grassroots.crm.volunteers.VolunteerSignup;

/** Every shift one person signed up for, latest first, with status and hours to change. */
class PersonSignupsGrid extends Grid<VolunteerSignup> {

    private final SignupService signups;
    private final Runnable onChanged;
    private String personName = "";

    PersonSignupsGrid(SignupService signups, Runnable onChanged) {
        this.signups = signups;
        this.onChanged = onChanged;
        var summary = addComponentColumn(row -> Cells.twoLines(eventLink(row),
                When.range(row.startsAt(), row.endsAt()) + " · " + row.role())).setHeader("Shift").setFlexGrow(1);
        List<Column<VolunteerSignup>> wide = List.of(
                addColumn(row -> When.range(row.startsAt(), row.endsAt())).setHeader("When").setAutoWidth(true)
                        .setFlexGrow(0),
                addComponentColumn(PersonSignupsGrid::eventLink).setHeader("Event").setFlexGrow(2),
                addColumn(row -> row.role() + " · " + When.place(row.place(), row.state())).setHeader("Shift")
                        .setFlexGrow(1));
        NarrowScreen.follow(this, narrow -> {
            summary.setVisible(narrow);
            wide.forEach(column -> column.setVisible(!narrow));
        });
        addComponentColumn(row -> new SignupStatusSelect(signups, row.id(), row.status(), personName, onChanged))
                .setHeader("Status").setKey("status").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(this::hours).setHeader("Hours").setKey("hours").setAutoWidth(true).setFlexGrow(0);
        addThemeVariants(GridVariant.ROW_STRIPES);
        setHeight("24rem");
    }

    void show(long personId, String name) {
        personName = name;
        setEmptyStateText("No shifts yet. Open an event and sign " + name + " up with their e-mail address.");
        // no count query: the grid pages on as long as full pages come back
        setItems(query -> signups.forPerson(personId, query.getOffset(), query.getLimit()).stream());
    }

    private static RouterLink eventLink(VolunteerSignup row) {
        return new RouterLink(row.eventTitle(), EventView.class,
                new RouteParameters("id", String.valueOf(row.eventId())));
    }

    private Component hours(VolunteerSignup row) {
        Span logged = new Span(When.hours(row.hours()));
        if (row.status() != SignupStatus.ATTENDED) {
            return logged;
        }
        Button log = new Button(row.hours() == null ? "Log hours" : "Edit", e -> new HoursDialog(signups, row.id(),
                personName, row.startsAt(), row.endsAt(), row.hours(), onChanged).open());
        log.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        log.setAriaLabel("Log hours for " + row.eventTitle());
        HorizontalLayout cell = new HorizontalLayout(logged, log);
        cell.setAlignItems(FlexComponent.Alignment.BASELINE);
        return cell;
    }
}
