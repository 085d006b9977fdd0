package org.grassroots.crm.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.grassroots.crm.demo.DemoDataService;
import org.grassroots.crm.pluginhost.ui.PluginScreens;
import org.grassroots.crm.security.CrmUserPrincipal;
import org.grassroots.crm.security.UserService;

/**
 * The application shell around every signed-in view: a side navigation built from the {@code @Menu} views the user
 * may open (Vaadin filters them by each view's access annotation) followed by the screens plugins contribute for
 * the user's roles, and a header with the page title and the user's menu. Sends a user who must change their
 * password to the account page first.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver, AfterNavigationObserver {

    static final String ACCOUNT_ROUTE = "account";

    private final AuthenticationContext authentication;
    private final UserService users;
    private final H1 pageTitle = new H1();

    MainLayout(AuthenticationContext authentication, UserService users, DemoDataService demoData,
            PluginScreens pluginScreens) {
        this.authentication = authentication;
        this.users = users;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(navigation(pluginScreens)));
        pageTitle.addClassName("page-title");
        addToNavbar(new DrawerToggle(), pageTitle);
        if (demoData.isPresent()) {
            addToNavbar(demoBadge());
        }
        addToNavbar(userMenu());
    }

    private static Component demoBadge() {
        Span badge = new Span("Demo data");
        badge.addClassName("demo-badge");
        badge.getElement().setAttribute("title",
                "This database holds synthetic demo supporters, donations and volunteers, not real people.");
        return badge;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean flagged = crmPrincipal().map(CrmUserPrincipal::mustChangePassword).orElse(false);
        if (flagged && !ACCOUNT_ROUTE.equals(event.getLocation().getFirstSegment())
                && users.currentAccount().mustChangePassword()) {
            event.forwardTo(ACCOUNT_ROUTE);
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        pageTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }

    private Optional<CrmUserPrincipal> crmPrincipal() {
        return authentication.getAuthenticatedUser(Object.class)
                .filter(CrmUserPrincipal.class::isInstance).map(CrmUserPrincipal.class::cast);
    }

    private static Component brand() {
        Span name = new Span("Grassroots CRM");
        name.addClassName("brand-name");
        Div brand = new Div(new Icon("vaadin", "megaphone"), name);
        brand.addClassName("brand");
        return brand;
    }

    private static SideNav navigation(PluginScreens pluginScreens) {
        SideNav nav = new SideNav();
        nav.setLabel("Main menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                String[] icon = entry.icon().split(":", 2);
                item.setPrefixComponent(icon.length == 2 ? new Icon(icon[0], icon[1]) : new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        for (PluginScreens.Screen screen : pluginScreens.forCurrentUser()) {
            nav.addItem(new SideNavItem(screen.title(), screen.path(), new Icon("vaadin", "plug")));
        }
        return nav;
    }

    private Component userMenu() {
        String name = crmPrincipal().map(CrmUserPrincipal::displayName)
                .orElseGet(() -> authentication.getPrincipalName().orElse(""));
        Avatar avatar = new Avatar(name);
        avatar.addClassName("user-avatar");
        Span label = new Span(name);
        label.addClassName("user-name");
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout who = new HorizontalLayout(avatar, label);
        who.setAlignItems(FlexComponent.Alignment.CENTER);
        who.setSpacing(false);
        who.addClassName("user-menu-item");
        var root = menu.addItem(who);
        root.getElement().setAttribute("aria-label", "Account menu for " + name);
        root.getSubMenu().addItem("Change password", e -> getUI().ifPresent(ui -> ui.navigate(ACCOUNT_ROUTE)));
        root.getSubMenu().addItem("Sign out", e -> authentication.logout());
        menu.addClassName("user-menu");
        return menu;
    }
}
