package org.grassroots.crm.people.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.geo.ZipCodes;
import org.grassroots.crm.people.PersonListing;
import org.grassroots.crm.people.PersonQuery;
import org.grassroots.crm.people.PersonRow;
import org.grassroots.crm.people.PersonSearchService;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PersonSort;
import org.grassroots.crm.security.Role;

/**
 * The supporters list: a lazy grid over every active supporter (its size an estimate from the database's counter,
 * never a count per scroll), a search box for exact e-mail/phone or fuzzy name, and filters, which the address
 * mirrors so a filtered list can be linked to ({@link SupporterFilters}, {@link SupportersLink}).
 */
@Route(SupportersView.ROUTE)
@PageTitle("Supporters")
@Menu(order = 10, icon = "vaadin:group")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
class SupportersView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "supporters";
    static final String DEMO_DATA_COMMAND = "./mvnw spring-boot:run -Dspring-boot.run.arguments=--demo-data=1200000";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy").withZone(ZoneId.systemDefault());

    private final PersonSearchService search;
    final TextField searchField = new TextField();
    final SupporterFilters filters;
    final Grid<PersonRow> grid = new Grid<>(PersonRow.class, false);
    final Div emptyState = new Div();
    private PersonQuery shownQuery = PersonQuery.all();
    private PersonListing listing;

    SupportersView(PersonSearchService search, PersonService people) {
        this.search = search;
        addClassName("supporters-view");
        setSizeFull();

        searchField.setPlaceholder("Name, e-mail or phone");
        searchField.setAriaLabel("Search supporters");
        searchField.setPrefixComponent(VaadinIcon.SEARCH.create());
        searchField.setClearButtonVisible(true);
        searchField.setValueChangeMode(ValueChangeMode.TIMEOUT);
        searchField.setValueChangeTimeout(300);
        searchField.addValueChangeListener(e -> refresh());
        searchField.addClassName("supporters-search");

        Button add = new Button("New supporter", VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(NewSupporterView.class)));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(searchField, add);
        toolbar.setWidthFull();
        toolbar.setWrap(true);
        toolbar.setFlexGrow(1, searchField);
        toolbar.setAlignItems(Alignment.BASELINE);

        filters = new SupporterFilters(search, people, () -> {
            refresh();
            showFiltersInAddress();
        });

        configureGrid();
        add(toolbar, filters, grid);
    }

    /** Shows the filters the address asks for, e.g. {@code supporters?signed-petition=42} from a petition's page. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filters.show(event.getLocation().getQueryParameters());
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addComponentColumn(SupportersView::nameCell).setHeader("Name").setKey(PersonSort.NAME.name())
                .setSortProperty(PersonSort.NAME.name())
                .setWidth("12rem").setFlexGrow(2).setFrozen(true);
        grid.addColumn(PersonRow::primaryEmail).setHeader("E-mail").setKey("email").setWidth("14rem")
                .setFlexGrow(2);
        grid.addColumn(PersonRow::state).setHeader("State").setKey(PersonSort.STATE.name())
                .setSortProperty(PersonSort.STATE.name())
                .setWidth("6rem").setFlexGrow(0);
        grid.addColumn(row -> ZipCodes.display(row.zip())).setHeader("ZIP").setKey("zip").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(PersonRow::tags).setHeader("Tags").setKey("tags").setWidth("10rem").setFlexGrow(1);
        grid.addColumn(row -> DATE.format(row.createdAt())).setHeader("Added").setKey(PersonSort.CREATED.name())
                .setSortProperty(PersonSort.CREATED.name()).setWidth("9rem").setFlexGrow(0);
        grid.addColumn(PersonRow::id).setHeader("ID").setKey(PersonSort.ID.name())
                .setSortProperty(PersonSort.ID.name())
                .setWidth("7rem").setFlexGrow(0);
        grid.setMultiSort(false);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(SupporterView.class,
                new RouteParameters(SupporterView.ID, String.valueOf(e.getItem().id())))));
        emptyState.addClassName("supporters-empty");
        grid.setEmptyStateComponent(emptyState);
    }

    private static Span nameCell(PersonRow row) {
        Span name = new Span(row.name());
        if (row.demo()) {
            name.add(SupporterHeader.badge("Demo", BadgeVariant.WARNING));
            name.addClassName("demo-row");
        }
        return name;
    }

    /** Re-reads the list for the current search and filters; a name search needs 3 characters first. */
    void refresh() {
        String text = searchField.getValue().trim();
        if (!text.isEmpty() && text.length() < PersonSearchService.MIN_NAME_CHARACTERS && !text.contains("@")) {
            searchField.setHelperText("Type at least " + PersonSearchService.MIN_NAME_CHARACTERS
                    + " characters to search by name, or a whole e-mail address or phone number.");
            return;
        }
        searchField.setHelperText(null);
        shownQuery = new PersonQuery(text, filters.filter(), null, false);
        listing = null;
        showEmptyState();
        GridLazyDataView<PersonRow> view = grid.setItems(query -> {
            PersonQuery sorted = sorted(shownQuery, query.getSortOrders());
            if (listing == null || !listing.query().equals(sorted)) {
                listing = search.listing(sorted);
            }
            return listing.fetch(query.getOffset(), query.getLimit()).stream();
        });
        search.knownSize(shownQuery).filter(size -> size > 0)
                .ifPresent(size -> view.setItemCountEstimate((int) Math.min(size, Integer.MAX_VALUE)));
    }

    private static PersonQuery sorted(PersonQuery query,
            List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return query;
        }
        var order = orders.getFirst();
        return query.withSort(PersonSort.valueOf(order.getSorted()), order.getDirection() == SortDirection.DESCENDING);
    }

    private void showEmptyState() {
        emptyState.removeAll();
        boolean narrowed = shownQuery.text() != null || !shownQuery.filter().isEmpty();
        if (narrowed) {
            emptyState.add(new Paragraph("No supporter matches. Check the spelling, or clear the search and filters."));
        } else {
            emptyState.add(new Paragraph("No supporters yet. Add one with New supporter, or load demo data with"),
                    new Code(DEMO_DATA_COMMAND));
        }
    }

    /** Keeps the address in step with the filters, without a new history entry per change. */
    private void showFiltersInAddress() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(ROUTE, filters.parameters())));
    }

    PersonQuery shownQuery() {
        return shownQuery;
    }
}
