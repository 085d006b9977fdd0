package org.grassroots.crm.donations.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.donations.Dollars;
import org.grassroots.crm.donations.PlanStatus;
import org.grassroots.crm.donations.RecurringPlan;
import org.grassroots.crm.donations.RecurringPlanService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.Feedback;

/** Recurring plans, newest first, narrowed by status; each can be edited, paused, resumed, or cancelled. */
@Route("donations/recurring")
@PageTitle("Recurring plans")
@RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
class RecurringPlansView extends VerticalLayout {

    private final RecurringPlanService plans;
    private final Grid<RecurringPlan> grid = new Grid<>();
    private final Select<PlanStatus> status = new Select<>();

    RecurringPlansView(RecurringPlanService plans) {
        this.plans = plans;
        addClassName("donations-view");
        setSizeFull();
        Button add = new Button("Add plan", VaadinIcon.PLUS.create(),
                event -> new RecurringPlanDialog(plans, null, this::refresh).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new DonationsNavigation(), add);
        header.addClassName("donations-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        status.setLabel("Status");
        status.setItems(PlanStatus.values());
        status.setItemLabelGenerator(value -> value == null ? "Any" : value.label());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any");
        status.addValueChangeListener(event -> refresh());
        configureGrid();
        add(header, status, grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.addColumn(plan -> plan.donorName() == null ? "Erased supporter" : plan.donorName()).setHeader("Donor")
                .setWidth("6rem").setFlexGrow(2);
        grid.addColumn(plan -> Dollars.format(plan.amount())).setHeader("Amount").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        var interval = grid.addColumn(plan -> plan.interval().label()).setHeader("Frequency").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(RecurringPlansView::statusBadge).setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        var started = grid.addColumn(plan -> DonationsNavigation.DATE.format(plan.startedOn())).setHeader("Started")
                .setAutoWidth(true).setFlexGrow(0);
        var nextCharge = grid.addColumn(plan -> plan.nextChargeOn() == null ? ""
                : DonationsNavigation.DATE.format(plan.nextChargeOn())).setHeader("Next charge").setAutoWidth(true)
                .setFlexGrow(0);
        var platform = grid.addColumn(plan -> plan.platform().label()).setHeader("Platform").setAutoWidth(true)
                .setFlexGrow(0);
        NarrowWindowColumns.hideOnPhones(this, grid, List.of(interval, started, nextCharge, platform));
        grid.addComponentColumn(this::actions).setHeader("").setWidth("4.5rem").setFlexGrow(0);
        grid.setItems(query -> plans.list(status.getValue(), query.getOffset(), query.getLimit()).stream());
        refresh();
    }

    private void refresh() {
        grid.setEmptyStateText(status.getValue() == null
                ? "No recurring plans yet. Use \u201cAdd plan\u201d when a donor signs up to give regularly."
                : "No " + status.getValue().label().toLowerCase() + " plans.");
        grid.getDataProvider().refreshAll();
    }

    private static Component statusBadge(RecurringPlan plan) {
        Span badge = new Span(plan.status().label());
        badge.addClassNames("plan-status", "plan-status-" + plan.status().name().toLowerCase());
        return badge;
    }

    private Component actions(RecurringPlan plan) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_ICON);
        var root = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        root.setAriaLabel("Actions for plan " + plan.id());
        var actions = root.getSubMenu();
        actions.addItem("Edit", event -> new RecurringPlanDialog(plans, plan, this::refresh).open());
        if (plan.status() != PlanStatus.CANCELLED) {
            for (PlanStatus target : PlanStatus.values()) {
                if (target != plan.status()) {
                    actions.addItem(verb(target), event -> changeStatus(plan, target));
                }
            }
        }
        return menu;
    }

    private static String verb(PlanStatus target) {
        return switch (target) {
            case ACTIVE -> "Resume";
            case PAUSED -> "Pause";
            case FAILING -> "Mark as failing";
            case CANCELLED -> "Cancel plan…";
        };
    }

    private void changeStatus(RecurringPlan plan, PlanStatus target) {
        if (target != PlanStatus.CANCELLED) {
            applyStatus(plan, target);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog("Cancel this plan?", "The " + Dollars.format(plan.amount()) + " "
                + plan.interval().label().toLowerCase() + " plan" + (plan.donorName() == null ? ""
                : " of " + plan.donorName()) + " stops for good; a cancelled plan cannot be resumed.",
                "Cancel plan", event -> applyStatus(plan, target));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep plan");
        confirm.open();
    }

    private void applyStatus(RecurringPlan plan, PlanStatus target) {
        try {
            plans.changeStatus(plan.id(), target);
            Feedback.success("Plan #" + plan.id() + " is now " + target.label().toLowerCase() + ".");
        } catch (InvalidInputException e) {
            Feedback.error(e.getMessage());
        }
        refresh();
    }
}
