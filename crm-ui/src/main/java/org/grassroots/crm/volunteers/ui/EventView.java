package org.grassroots.crm.volunteers.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.RouteIds;
import org.grassroots.crm.volunteers.EventDetails;
import org.grassroots.crm.volunteers.EventService;
import org.grassroots.crm.volunteers.ShiftRow;
import org.grassroots.crm.volunteers.SignupService;

/**
 * One event: what, when and where, its shifts with how full they are, and for the chosen shift its sign-ups, where
 * people are signed up by e-mail, their status is tracked and their hours logged.
 */
@Route("events/:id")
@RolesAllowed({Role.VOLUNTEER_COORDINATOR_NAME, Role.ORGANIZER_NAME, Role.ADMIN_NAME})
class EventView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String NO_SHIFTS = "No shifts yet. Add a shift for each role and time you need volunteers for.";

    private final EventService events;
    private final Paragraph summary = new Paragraph();
    private final Grid<ShiftRow> shifts = new Grid<>();
    private final ShiftSignupsPanel signups;
    private EventDetails event;

    EventView(EventService events, SignupService signupService) {
        this.events = events;
        this.signups = new ShiftSignupsPanel(signupService, this::refreshShifts);
        addClassName("event-view");

        Button edit = new Button("Edit event", VaadinIcon.EDIT.create(),
                e -> new EventDialog(events, event, saved -> show(saved)).open());
        Button addShift = new Button("Add shift", VaadinIcon.PLUS.create(),
                e -> new ShiftDialog(events, event, null, saved -> refreshShifts(saved.id())).open());
        addShift.addThemeVariants(ButtonVariant.PRIMARY);
        summary.addClassName("page-summary");
        HorizontalLayout actions = new HorizontalLayout(addShift, edit);
        actions.setWrap(true);

        var shiftSummary = shifts.addComponentColumn(row -> Cells.twoLines(row.role(),
                When.range(row.startsAt(), row.endsAt()))).setHeader("Shift").setFlexGrow(1);
        var role = shifts.addColumn(ShiftRow::role).setHeader("Role").setFlexGrow(1);
        var when = shifts.addColumn(row -> When.range(row.startsAt(), row.endsAt())).setHeader("When")
                .setAutoWidth(true).setFlexGrow(0);
        NarrowScreen.follow(this, narrow -> {
            shiftSummary.setVisible(narrow);
            role.setVisible(!narrow);
            when.setVisible(!narrow);
        });
        shifts.addComponentColumn(EventView::fillLevel).setHeader("Places taken").setKey("fill").setAutoWidth(true)
                .setFlexGrow(0);
        shifts.addComponentColumn(row -> {
            Button editShift = new Button("Edit",
                    e -> new ShiftDialog(events, event, row, saved -> refreshShifts(saved.id())).open());
            editShift.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            editShift.setAriaLabel("Edit shift " + row.role());
            return editShift;
        }).setAutoWidth(true).setFlexGrow(0);
        shifts.setEmptyStateText(NO_SHIFTS);
        shifts.addThemeVariants(GridVariant.ROW_STRIPES);
        shifts.setAllRowsVisible(true);
        shifts.asSingleSelect().addValueChangeListener(e -> signups.show(e.getValue()));

        add(summary, actions, new H3("Shifts"), shifts, signups);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent enter) {
        RouteIds.number(enter, "id").flatMap(events::find)
                .ifPresentOrElse(this::show, () -> enter.rerouteToError(NotFoundException.class));
    }

    @Override
    public String getPageTitle() {
        return event == null ? "Event" : event.title();
    }

    private void show(EventDetails details) {
        this.event = details;
        summary.setText(details.kind().label() + " · " + When.range(details.startsAt(), details.endsAt()) + " · "
                + When.place(details.place(), details.state()));
        refreshShifts();
    }

    private void refreshShifts() {
        ShiftRow selected = shifts.asSingleSelect().getValue();
        refreshShifts(selected == null ? null : selected.id());
    }

    /** Reloads the shifts (their fill levels change) and selects {@code shiftId}, or the only shift there is. */
    private void refreshShifts(Long shiftId) {
        List<ShiftRow> rows = events.shifts(event.id());
        shifts.setItems(rows);
        rows.stream().filter(row -> shiftId != null && row.id() == shiftId).findFirst()
                .or(() -> rows.size() == 1 ? Optional.of(rows.getFirst()) : Optional.empty())
                .ifPresent(shifts::select);
    }

    static Div fillLevel(ShiftRow row) {
        Span text = new Span(row.fillLevel());
        ProgressBar bar = new ProgressBar(0, row.capacity(), Math.min(row.filled(), row.capacity()));
        bar.setWidth("5em");
        bar.getElement().setAttribute("aria-hidden", "true");
        Div cell = new Div(text, bar);
        cell.addClassName("fill-level");
        if (row.full()) {
            Span full = new Span("Full");
            full.addClassName("full-label");
            cell.add(full);
        }
        return cell;
    }
}
