package org.grassroots.crm.donations.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.donations.Donation;
import org.grassroots.crm.donations.DonationFilter;
import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.DonationService;
import org.grassroots.crm.donations.Dollars;
import org.grassroots.crm.donations.Donor;
import org.grassroots.crm.donations.PaymentMethod;
import org.grassroots.crm.security.Role;

/**
 * Every gift, newest first, in a grid that loads page by page as the user scrolls (no total count). Filters narrow
 * it; {@code ?person=<id>} shows one supporter's gifts. A row's "Edit" opens the gift; "Add donation" records one.
 */
@Route("donations")
@PageTitle("Donations")
@Menu(order = 20, icon = "vaadin:dollar")
@RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
class DonationsView extends VerticalLayout implements BeforeEnterObserver {

    static final String PERSON_PARAMETER = "person";

    private final DonationService donations;
    private final DonationPager pager;
    private final Grid<Donation> grid = new Grid<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final ComboBox<String> campaign = new ComboBox<>("Campaign");
    private final Select<DonationPlatform> platform = new Select<>();
    private final Select<PaymentMethod> method = new Select<>();
    private final BigDecimalField minAmount = new DollarAmountField("Min amount");
    private final BigDecimalField maxAmount = new DollarAmountField("Max amount");
    private final HorizontalLayout filters = new HorizontalLayout();
    private final HorizontalLayout personBar = new HorizontalLayout();
    private Long personId;
    private boolean clearing;

    DonationsView(DonationService donations) {
        this.donations = donations;
        this.pager = new DonationPager(donations);
        addClassName("donations-view");
        setSizeFull();
        Button add = new Button("Add donation", VaadinIcon.PLUS.create(), event -> openNewGift());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button toggleFilters = new Button("Filters", VaadinIcon.FILTER.create(),
                event -> filters.getElement().getClassList().set("open", !filters.hasClassName("open")));
        toggleFilters.addClassName("filters-toggle");
        HorizontalLayout header = new HorizontalLayout(new DonationsNavigation(), toggleFilters, add);
        header.addClassName("donations-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        personBar.setVisible(false);
        personBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid();
        configureFilters();
        add(header, filters, personBar, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        personId = event.getLocation().getQueryParameters().getSingleParameter(PERSON_PARAMETER)
                .flatMap(DonationsView::parseId).orElse(null);
        campaign.setItems(donations.campaigns());
        refresh();
    }

    private void configureFilters() {
        campaign.setAllowCustomValue(true);
        campaign.setClearButtonVisible(true);
        campaign.addCustomValueSetListener(event -> campaign.setValue(event.getDetail()));
        platform.setLabel("Platform");
        platform.setItems(DonationPlatform.values());
        platform.setItemLabelGenerator(value -> value == null ? "Any" : value.label());
        platform.setEmptySelectionAllowed(true);
        platform.setEmptySelectionCaption("Any");
        method.setLabel("Method");
        method.setItems(PaymentMethod.values());
        method.setItemLabelGenerator(value -> value == null ? "Any" : value.label());
        method.setEmptySelectionAllowed(true);
        method.setEmptySelectionCaption("Any");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        minAmount.setClearButtonVisible(true);
        maxAmount.setClearButtonVisible(true);
        Button clear = new Button("Clear filters", event -> clearFilters());
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        List.<HasValue<?, ?>>of(from, to, campaign, platform, method, minAmount, maxAmount).forEach(field ->
                field.addValueChangeListener(event -> {
                    if (!clearing) {
                        refresh();
                    }
                }));
        filters.add(from, to, campaign, platform, method, minAmount, maxAmount, clear);
        filters.addClassName("donations-filters");
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(gift -> DonationsNavigation.DATE.format(gift.receivedOn())).setHeader("Received")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<Donation>of("""
                <div class="donor-cell"><span>${item.name}</span><span class="secondary">${item.email}</span></div>
                """).withProperty("name", gift -> gift.donorName() == null ? "Erased supporter" : gift.donorName())
                .withProperty("email", gift -> gift.donorEmail() == null ? "" : gift.donorEmail()))
                .setHeader("Donor").setWidth("5rem").setFlexGrow(2);
        grid.addColumn(gift -> Dollars.format(gift.amount())).setHeader("Amount").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        // on a phone the grid keeps date, donor and amount; the dialog shows the rest
        NarrowWindowColumns.hideOnPhones(this, grid, List.of(
                grid.addColumn(gift -> gift.method().label()).setHeader("Method").setAutoWidth(true).setFlexGrow(0),
                grid.addColumn(gift -> gift.platform().label()).setHeader("Platform").setAutoWidth(true)
                        .setFlexGrow(0),
                grid.addColumn(gift -> gift.campaign() == null ? "" : gift.campaign()).setHeader("Campaign")
                        .setFlexGrow(1)));
        grid.addColumn(LitRenderer.<Donation>of("""
                <vaadin-button theme="tertiary-inline icon" @click=${edit} aria-label="Edit donation ${item.id}" \
                title="Edit donation"><vaadin-icon icon="vaadin:edit"></vaadin-icon></vaadin-button>""")
                .withProperty("id", Donation::id).withFunction("edit", this::openGift))
                .setHeader("").setWidth("4rem").setFlexGrow(0);
        grid.setItems(query -> pager.fetch(query.getOffset(), query.getLimit()));
    }

    private void refresh() {
        DonationFilter filter = new DonationFilter(from.getValue(), to.getValue(), campaign.getValue(),
                platform.getValue(), method.getValue(), minAmount.getValue(), maxAmount.getValue(), personId);
        boolean filtered = !filter.forPerson(null).equals(DonationFilter.none());
        grid.setEmptyStateText(filtered ? "No donations match these filters. Clear a filter to see more."
                : personId != null ? "This supporter has no gifts recorded. Use \u201cAdd donation\u201d to add one."
                : "No donations yet. Use \u201cAdd donation\u201d to record the first gift.");
        pager.reset(filter);
        grid.getDataProvider().refreshAll();
        showPersonBar();
    }

    private void showPersonBar() {
        personBar.removeAll();
        personBar.setVisible(personId != null);
        if (personId == null) {
            return;
        }
        String name = donor().map(Donor::name).orElse("supporter #" + personId);
        Button showAll = new Button("Show everyone's gifts",
                event -> getUI().ifPresent(ui -> ui.navigate(DonationsView.class)));
        showAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        personBar.add(new Span("Gifts of " + name), showAll);
    }

    private void clearFilters() {
        clearing = true;
        from.clear();
        to.clear();
        campaign.clear();
        platform.clear();
        method.clear();
        minAmount.clear();
        maxAmount.clear();
        clearing = false;
        refresh();
    }

    private void openNewGift() {
        String email = donor().map(Donor::email).orElse(null);
        DonationDialog.forNewGift(donations, donations.campaigns(), email, this::refresh).open();
    }

    private void openGift(Donation gift) {
        DonationDialog.forGift(donations, donations.campaigns(), gift, this::refresh).open();
    }

    /** The supporter of {@code ?person=}, unless there is none, or they were erased or merged away. */
    private Optional<Donor> donor() {
        if (personId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(donations.donor(personId));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
