package org.grassroots.crm.audit.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEvent;
import org.grassroots.crm.audit.AuditFilter;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.security.Role;

/**
 * The append-only audit log for administrators, newest first. The grid pages lazily with an unknown size, so the
 * table is never counted. Filters are mirrored in the address ({@code ?actor=…&action=…&target=…&from=…&to=…}, dates
 * as ISO {@code yyyy-mm-dd} in UTC) so a filtered view can be linked to, for example from the home page.
 */
@Route("audit")
@PageTitle("Audit log")
@Menu(order = 95, icon = "vaadin:clipboard-text")
@RolesAllowed(Role.ADMIN_NAME)
class AuditView extends VerticalLayout implements BeforeEnterObserver {

    static final String ACTOR_PARAMETER = "actor";
    static final String ACTION_PARAMETER = "action";
    static final String TARGET_PARAMETER = "target";
    static final String FROM_PARAMETER = "from";
    static final String TO_PARAMETER = "to";
    static final String NO_MATCHES = "No events match these filters.";
    static final String NO_EVENTS = "No events have been recorded yet.";

    private static final int TEXT_FILTER_DELAY_MS = 400;

    private final AuditLog audit;
    private final TextField actor = new TextField("Actor");
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final TextField target = new TextField("Target id");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC, inclusive)");
    private final Button clear = new Button("Clear filters", VaadinIcon.CLOSE_SMALL.create());
    private final Grid<AuditEvent> grid = new Grid<>();
    private AuditFilter filter = AuditFilter.none();
    private boolean settingSeveralFilters;

    AuditView(AuditLog audit) {
        this.audit = audit;
        addClassName("audit-view");
        setSizeFull();
        add(filterBar(), grid);
        configureGrid();
        applyFilters();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        settingSeveralFilters = true;
        try {
            actor.setValue(first(parameters, ACTOR_PARAMETER));
            target.setValue(first(parameters, TARGET_PARAMETER));
            action.setValue(Arrays.stream(AuditAction.values())
                    .filter(candidate -> candidate.name().equals(first(parameters, ACTION_PARAMETER)))
                    .findFirst().orElse(null));
            from.setValue(date(first(parameters, FROM_PARAMETER)));
            to.setValue(date(first(parameters, TO_PARAMETER)));
        } finally {
            settingSeveralFilters = false;
        }
        applyFilters();
    }

    private Div filterBar() {
        actor.setPlaceholder("Exact username");
        actor.setClearButtonVisible(true);
        target.setPlaceholder("Exact id");
        target.setClearButtonVisible(true);
        for (TextField field : List.of(actor, target)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setValueChangeTimeout(TEXT_FILTER_DELAY_MS);
        }

        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(AuditAction::label);
        action.setPlaceholder("Any action");
        action.setClearButtonVisible(true);

        for (DatePicker picker : List.of(from, to)) {
            picker.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd").setFirstDayOfWeek(1));
            picker.setPlaceholder("yyyy-mm-dd");
            picker.setClearButtonVisible(true);
        }
        from.addValueChangeListener(event -> to.setMin(event.getValue()));
        to.addValueChangeListener(event -> from.setMax(event.getValue()));

        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(event -> clearFilters());

        List<HasValue<?, ?>> fields = List.of(actor, action, target, from, to);
        fields.forEach(field -> field.addValueChangeListener(event -> {
            if (!settingSeveralFilters) {
                applyFilters();
                showFiltersInAddress();
            }
        }));

        Div bar = new Div(actor, action, target, from, to, clear);
        bar.addClassName("audit-filters");
        return bar;
    }

    private void configureGrid() {
        grid.addClassName("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        setFlexGrow(1, grid);
        grid.addColumn(event -> AuditEventText.time(event.occurredAt())).setHeader("Time (UTC)")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::actor).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(event -> AuditEventText.action(event.action())).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEventText::target).setHeader("Target").setAutoWidth(true);
        grid.addColumn(AuditEvent::clientAddress).setHeader("Client address").setAutoWidth(true);
        grid.addColumn(event -> AuditEventText.compactDetails(event.detailsJson())).setHeader("Details")
                .setFlexGrow(1).setWidth("16rem")
                .setTooltipGenerator(event -> AuditEventText.compactDetails(event.detailsJson()))
                .setPartNameGenerator(event -> "audit-details");
        grid.getColumns().forEach(column -> column.setSortable(false).setResizable(true));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(AuditEventText::detailsPanel));
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()));
    }

    /** Serves any range the grid asks for, in pages no larger than the service allows. */
    private Stream<AuditEvent> fetch(int offset, int limit) {
        AuditFilter current = filter;
        List<AuditEvent> events = new ArrayList<>();
        while (events.size() < limit) {
            int wanted = Math.min(limit - events.size(), AuditLog.MAX_PAGE_SIZE);
            List<AuditEvent> page = audit.find(current, offset + events.size(), wanted);
            events.addAll(page);
            if (page.size() < wanted) {
                break;
            }
        }
        return events.stream();
    }

    private void applyFilters() {
        filter = new AuditFilter(blankToNull(actor.getValue()), action.getValue(), blankToNull(target.getValue()),
                from.isEmpty() ? null : startOfDay(from.getValue()),
                to.isEmpty() ? null : startOfDay(to.getValue().plusDays(1)));
        boolean filtered = !filter.equals(AuditFilter.none());
        clear.setEnabled(filtered);
        grid.setEmptyStateText(filtered ? NO_MATCHES : NO_EVENTS);
        grid.getDataProvider().refreshAll();
        grid.scrollToStart();
    }

    private void clearFilters() {
        settingSeveralFilters = true;
        try {
            List.<AbstractField<?, ?>>of(actor, action, target, from, to).forEach(AbstractField::clear);
        } finally {
            settingSeveralFilters = false;
        }
        applyFilters();
        showFiltersInAddress();
    }

    /** Keeps the address in step with the filters without a new history entry per keystroke. */
    private void showFiltersInAddress() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (filter.actor() != null) {
            parameters.put(ACTOR_PARAMETER, filter.actor());
        }
        if (filter.action() != null) {
            parameters.put(ACTION_PARAMETER, filter.action().name());
        }
        if (filter.target() != null) {
            parameters.put(TARGET_PARAMETER, filter.target());
        }
        if (!from.isEmpty()) {
            parameters.put(FROM_PARAMETER, from.getValue().toString());
        }
        if (!to.isEmpty()) {
            parameters.put(TO_PARAMETER, to.getValue().toString());
        }
        String path = RouteConfiguration.forSessionScope().getUrl(AuditView.class);
        getUI().ifPresent(ui -> ui.getPage().getHistory()
                .replaceState(null, new Location(path, QueryParameters.simple(parameters))));
    }

    private static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String isoDate) {
        try {
            return isoDate.isBlank() ? null : LocalDate.parse(isoDate);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.getFirst();
    }
}
