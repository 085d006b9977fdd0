package org.grassroots.crm.security.ui;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserAccount;
import org.grassroots.crm.security.UserService;
import org.jspecify.annotations.Nullable;
import org.grassroots.crm.ui.Feedback;

/** Staff accounts for administrators: create, edit name and roles, disable or enable, reset a password. */
@Route("users")
@PageTitle("Users")
@Menu(order = 90, icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
class UsersView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final UserService users;
    private final String signedInUsername;
    private final Grid<UserAccount> grid = new Grid<>();
    private ZoneId zone = ZoneOffset.UTC;

    UsersView(UserService users) {
        this.users = users;
        this.signedInUsername = users.currentAccount().username();
        addClassName("users-view");
        setSizeFull();

        Paragraph intro = new Paragraph("Everyone who signs in to the CRM. Roles decide what each person may see"
                + " and change.");
        intro.getStyle().set("margin", "0").set("flex-grow", "1");
        Button newUser = new Button("New user", VaadinIcon.PLUS.create(),
                event -> new NewUserDialog(users, created -> refresh()).open());
        newUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(intro, newUser);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWrap(true);

        configureGrid();
        add(toolbar, roleGuide(), grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // times show in the browser's zone once it has told us which; until then (or if it cannot) in UTC
        event.getUI().getPage().retrieveExtendedClientDetails(details -> {
            String zoneId = details.getTimeZoneId();
            if (zoneId == null || zoneId.isBlank()) {
                return;
            }
            try {
                zone = ZoneId.of(zoneId);
                grid.getDataProvider().refreshAll();
            } catch (DateTimeException unknownZone) {
                zone = ZoneOffset.UTC;
            }
        });
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        grid.setAllRowsVisible(true);
        grid.addColumn(UserAccount::username).setKey("username").setHeader("Username")
                .setComparator(UserAccount::username).setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        grid.addColumn(UserAccount::displayName).setKey("name").setHeader("Name")
                .setComparator(account -> account.displayName().toLowerCase(Locale.ROOT)).setAutoWidth(true);
        grid.addColumn(UsersView::roleLabels).setKey("roles").setHeader("Roles").setAutoWidth(true);
        // component columns get fixed widths: auto width measures them before the components are styled
        grid.addComponentColumn(UsersView::status).setKey("status").setHeader("Status").setWidth("7.25rem")
                .setFlexGrow(0).setComparator(UserAccount::enabled);
        grid.addComponentColumn(UsersView::passwordMarker).setKey("password").setHeader("Password")
                .setWidth("8.5rem").setFlexGrow(0).setComparator(UserAccount::mustChangePassword);
        grid.addColumn(account -> lastSignIn(account.lastLoginAt(), zone, LocalDate.now(zone)))
                .setKey("lastSignIn").setHeader("Last sign-in").setAutoWidth(true).setFlexGrow(0)
                .setComparator(Comparator.comparing(UserAccount::lastLoginAt,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .setTooltipGenerator(account -> account.lastLoginAt() == null ? "Has not signed in yet"
                        : account.lastLoginAt().truncatedTo(ChronoUnit.SECONDS) + " (UTC)");
        grid.addColumn(account -> DATE.format(account.createdAt().atZone(zone))).setKey("created").setHeader("Created")
                .setComparator(UserAccount::createdAt).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setKey("actions").setWidth("4.5rem")
                .setFlexGrow(0).setFrozenToEnd(true);
        grid.addItemDoubleClickListener(event -> edit(event.getItem()));
    }

    private void refresh() {
        grid.setItems(users.findAll());
        grid.recalculateColumnWidths();
    }

    /** "Today, 09:14", "Yesterday, 18:02", "12 Nov, 09:14" this year, a date before that, or "Never". */
    static String lastSignIn(@Nullable Instant at, ZoneId zone, LocalDate today) {
        if (at == null) {
            return "Never";
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (day.equals(today)) {
            return "Today, " + TIME.format(local);
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday, " + TIME.format(local);
        }
        return day.getYear() == today.getYear() ? DAY.format(local) + ", " + TIME.format(local) : DATE.format(local);
    }

    private static String roleLabels(UserAccount account) {
        return account.roles().stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }

    private static Component status(UserAccount account) {
        Badge status = new Badge(account.enabled() ? "Enabled" : "Disabled");
        status.addThemeVariants(account.enabled() ? BadgeVariant.SUCCESS : BadgeVariant.CONTRAST);
        return status;
    }

    private static Component passwordMarker(UserAccount account) {
        if (!account.mustChangePassword()) {
            return new Span();
        }
        Badge mustChange = new Badge("Must change");
        mustChange.addThemeVariants(BadgeVariant.WARNING);
        mustChange.getElement().setProperty("title", "Has a temporary password and must choose their own at next"
                + " sign-in");
        return mustChange;
    }

    private Component actions(UserAccount account) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        var more = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        more.setAriaLabel("Actions for " + account.username());
        more.setTooltipText("Actions");
        var actions = more.getSubMenu();
        actions.addItem("Edit", event -> edit(account));
        actions.addItem("Reset password", event -> new ResetPasswordDialog(users, account, this::refresh).open());
        var toggle = actions.addItem(account.enabled() ? "Disable" : "Enable", event -> confirmEnabled(account));
        if (account.enabled() && account.username().equals(signedInUsername)) {
            toggle.setEnabled(false);
            toggle.setTooltipText("You cannot disable your own account.");
        }
        return menu;
    }

    private void edit(UserAccount account) {
        new EditUserDialog(users, account, saved -> refresh()).open();
    }

    private void confirmEnabled(UserAccount account) {
        boolean enable = !account.enabled();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader((enable ? "Enable " : "Disable ") + account.username() + "?");
        confirm.setText(enable
                ? account.displayName() + " will be able to sign in again with their current password."
                : account.displayName() + " will not be able to sign in until an administrator enables the account"
                        + " again. Their records and history stay as they are.");
        confirm.setCancelable(true);
        confirm.setConfirmText(enable ? "Enable" : "Disable");
        confirm.setConfirmButtonTheme(enable ? "primary" : "error primary");
        confirm.addConfirmListener(event -> setEnabled(account, enable));
        confirm.open();
    }

    private void setEnabled(UserAccount account, boolean enable) {
        try {
            users.setEnabled(account.id(), enable);
            Feedback.success((enable ? "Enabled " : "Disabled ") + account.username() + ".");
        } catch (InvalidInputException refused) {
            Feedback.error(refused.getMessage());
        }
        refresh();
    }

    private static Component roleGuide() {
        FactList list = new FactList();
        for (Role role : Role.values()) {
            list.fact(role.label(), role.description());
        }
        Details guide = new Details("What the roles mean", list);
        guide.setWidthFull();
        return guide;
    }
}
