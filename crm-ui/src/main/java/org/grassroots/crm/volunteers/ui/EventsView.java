package org.grassroots.crm.volunteers.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.volunteers.EventKind;
import org.grassroots.crm.volunteers.EventPeriod;
import org.grassroots.crm.volunteers.EventRow;
import org.grassroots.crm.volunteers.EventService;

/** Upcoming and past events with how full their shifts are; creating an event opens its page. */
@Route("events")
@PageTitle("Events")
@Menu(order = 40, icon = "vaadin:calendar")
@RolesAllowed({Role.VOLUNTEER_COORDINATOR_NAME, Role.ORGANIZER_NAME, Role.ADMIN_NAME})
class EventsView extends VerticalLayout {

    static final String UPCOMING_EMPTY =
            "No upcoming events. Choose “New event” to plan a phone bank, canvass or training.";
    static final String PAST_EMPTY = "No past events match.";

    private final EventService events;
    private final Tab upcoming = new Tab("Upcoming");
    private final Tab past = new Tab("Past");
    private final Tabs period = new Tabs(upcoming, past);
    private final Select<EventKind> kind = new Select<>();
    private final ComboBox<UsState> state = new ComboBox<>();
    private final Grid<EventRow> grid = new Grid<>();

    EventsView(EventService events) {
        this.events = events;
        addClassName("events-view");
        setSizeFull();

        kind.setItems(EventKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "All kinds" : k.label());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("All kinds");
        kind.setAriaLabel("Kind");
        state.setItems(UsState.values());
        state.setItemLabelGenerator(s -> s.name() + " — " + s.displayName());
        state.setPlaceholder("All states");
        state.setClearButtonVisible(true);
        state.setAriaLabel("State");
        Button create = new Button("New event", VaadinIcon.PLUS.create(), e -> new EventDialog(events, null,
                saved -> getUI().ifPresent(ui -> ui.navigate("events/" + saved.id()))).open());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(period, kind, state, create);
        toolbar.setWrap(true);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.addClassName("volunteers-toolbar");

        var summary = grid.addComponentColumn(row -> Cells.twoLines(row.title(), When.range(row.startsAt(),
                row.endsAt()) + " · " + When.place(row.place(), row.state()))).setHeader("Event").setFlexGrow(1);
        List<Grid.Column<EventRow>> wide = List.of(
                grid.addColumn(row -> When.range(row.startsAt(), row.endsAt())).setHeader("When").setAutoWidth(true)
                        .setFlexGrow(0),
                grid.addColumn(EventRow::title).setHeader("Event").setFlexGrow(2),
                grid.addColumn(row -> row.kind().label()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0),
                grid.addColumn(row -> When.place(row.place(), row.state())).setHeader("Where").setFlexGrow(1));
        grid.addComponentColumn(EventsView::fillLevel).setHeader("Places taken").setAutoWidth(true).setFlexGrow(0);
        NarrowScreen.follow(this, narrow -> {
            summary.setVisible(narrow);
            wide.forEach(column -> column.setVisible(!narrow));
        });
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("events/" + e.getItem().id())));
        grid.setSizeFull();

        period.addSelectedChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        state.addValueChangeListener(e -> refresh());
        add(toolbar, grid);
        refresh();
    }

    private void refresh() {
        EventPeriod selected = period.getSelectedTab() == past ? EventPeriod.PAST : EventPeriod.UPCOMING;
        grid.setEmptyStateText(selected == EventPeriod.UPCOMING ? UPCOMING_EMPTY : PAST_EMPTY);
        // no count query: the grid pages on as long as full pages come back
        grid.setItems(query -> events.find(selected, kind.getValue(), state.getValue(), query.getOffset(),
                query.getLimit()).stream());
    }

    static Component fillLevel(EventRow row) {
        Span text = new Span(row.fillLevel());
        if (row.shifts() == 0) {
            text.addClassName("muted");
            return text;
        }
        ProgressBar bar = new ProgressBar(0, row.capacity(), row.filled());
        bar.setWidth("5em");
        bar.getElement().setAttribute("aria-hidden", "true");
        Div cell = new Div(text, bar);
        cell.addClassName("fill-level");
        return cell;
    }
}
