package org.grassroots.crm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import org.grassroots.crm.people.NewPerson;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.CrmUserPrincipal;
import org.grassroots.crm.security.NewUser;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which role may open which view. Every route the application registers must appear here, so a new view that
 * forgets its access annotation (and is therefore denied to everyone) or grants too much fails this test.
 */
@SpringBootTest
class RoleViewMatrixTest extends SpringBrowserlessTest {

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    /** Everyone who works with personal data; ANALYST sees aggregates only. */
    private static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.ORGANIZER, Role.FUNDRAISER,
            Role.VOLUNTEER_COORDINATOR);
    private static final Set<Role> VOLUNTEERING = EnumSet.of(Role.ADMIN, Role.ORGANIZER, Role.VOLUNTEER_COORDINATOR);
    /** Donation amounts are for fundraisers and admins only. */
    private static final Set<Role> GIVING = EnumSet.of(Role.ADMIN, Role.FUNDRAISER);
    /** Partner exports: organizers ask, admins approve, fundraisers sign off donation fields. */
    private static final Set<Role> SHARING = EnumSet.of(Role.ADMIN, Role.ORGANIZER, Role.FUNDRAISER);
    private static final String LOGIN = "login";
    /**
     * Open to everyone signed in, but it shows only a screen a started plugin contributes for the user's roles
     * (PluginScreenTest); with no such plugin every role gets "not found".
     */
    private static final String PLUGIN_SCREEN = "plugins/:pluginId/:screen";

    /** route template → the roles that may open it. */
    private static final Map<String, Set<Role>> MATRIX = Map.ofEntries(
            Map.entry("", EVERY_ROLE),
            Map.entry("account", EVERY_ROLE),
            Map.entry("users", EnumSet.of(Role.ADMIN)),
            Map.entry("audit", EnumSet.of(Role.ADMIN)),
            Map.entry("jobs", EVERY_ROLE),
            Map.entry("supporters", STAFF),
            Map.entry("supporters/new", STAFF),
            Map.entry("supporters/:id", STAFF),
            Map.entry("volunteers", VOLUNTEERING),
            Map.entry("volunteers/:personId", VOLUNTEERING),
            Map.entry("events", VOLUNTEERING),
            Map.entry("events/:id", VOLUNTEERING),
            Map.entry("petitions", STAFF),
            Map.entry("petitions/:id", STAFF),
            Map.entry("petitions/import", EnumSet.of(Role.ADMIN, Role.ORGANIZER)),
            Map.entry("donations", GIVING),
            Map.entry("donations/recurring", GIVING),
            Map.entry("donations/fec-follow-up", GIVING),
            Map.entry("lists", EnumSet.of(Role.ADMIN, Role.ORGANIZER)),
            Map.entry("partners", SHARING),
            Map.entry("exports", SHARING),
            Map.entry("exports/:id", SHARING),
            Map.entry("exports/new", EnumSet.of(Role.ADMIN, Role.ORGANIZER)),
            Map.entry("exports/overlap", EnumSet.of(Role.ADMIN, Role.ORGANIZER)),
            Map.entry("plugins", EnumSet.of(Role.ADMIN)),
            Map.entry("reports", EVERY_ROLE),
            Map.entry("reports/:id", EVERY_ROLE),
            Map.entry(PLUGIN_SCREEN, EnumSet.noneOf(Role.class)));

    private static final Map<Role, String> ACCOUNTS = new EnumMap<>(Role.class);
    /** A real supporter, event and petition, so routes that show one have something to show. */
    private static long supporterId;
    private static long eventId;
    private static long petitionId;

    @Autowired
    UserService users;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    PersonService people;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyRegisteredRouteIsInTheMatrix() {
        Set<String> registered = new TreeSet<>(RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate).toList());
        registered.remove(LOGIN);
        registered.removeIf(route -> route.startsWith("test-only/"));
        assertThat(registered)
                .as("routes registered by the application; add new ones to MATRIX with the roles that may open them")
                .isEqualTo(new TreeSet<>(MATRIX.keySet()));
        MATRIX.forEach((route, roles) -> assertThat(roles.isEmpty()).as("no roles for '%s'", route)
                .isEqualTo(route.equals(PLUGIN_SCREEN)));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleOpensExactlyItsViews(Role role) {
        signInAs(role);
        MATRIX.forEach((route, allowed) -> {
            Component shown = open(route);
            boolean opened = routeTarget(route).isInstance(shown);
            assertThat(opened).as("%s opening '/%s'", role, route).isEqualTo(allowed.contains(role));
            if (!opened) {
                assertThat(shown).as("%s opening '/%s'", role, route).isInstanceOf(NotFoundView.class);
            }
        });
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginView() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        for (String route : MATRIX.keySet()) {
            assertThat(open(route)).as("anonymous opening '/%s'", route).isInstanceOf(routeTarget(LOGIN));
        }
    }

    /** Signs in as a real account holding only {@code role}, created once per test run. */
    private void signInAs(Role role) {
        if (supporterId == 0) {
            authenticate("admin");
            supporterId = people.create(new NewPerson("Matrix", "Supporter",
                    List.of("matrix-" + UUID.randomUUID() + "@example.org"), List.of(), null, "test", List.of())).id();
            eventId = jdbc.sql("INSERT INTO event (kind, title, starts_at, ends_at, created_by) "
                    + "VALUES ('PHONE_BANK', 'Matrix phone bank', now(), now() + interval '2 hours', 'test') "
                    + "RETURNING id").query(Long.class).single();
            petitionId = jdbc.sql("INSERT INTO petition (slug, title, created_by) "
                    + "VALUES ('matrix-' || gen_random_uuid(), 'Matrix petition', 'test') RETURNING id")
                    .query(Long.class).single();
        }
        String username = ACCOUNTS.computeIfAbsent(role, this::createAccount);
        authenticate(username);
    }

    private String createAccount(Role role) {
        String username = "matrix-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        authenticate("admin");
        users.create(new NewUser(username, "Matrix " + role.label(), Set.of(role), "temporary-password-1"));
        authenticate(username);
        users.changeOwnPassword("temporary-password-1", "matrix-password-" + UUID.randomUUID());
        return username;
    }

    private void authenticate(String username) {
        CrmUserPrincipal principal = userDetails.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    private static Component open(String route) {
        UI ui = UI.getCurrent();
        ui.navigate(location(route));
        return ui.getInternals().getActiveRouterTargetsChain().getFirst() instanceof Component component
                ? component : null;
    }

    /** A concrete address for a route template: event and petition routes get theirs, any other the supporter. */
    private static String location(String route) {
        long id = route.startsWith("events/") ? eventId : route.startsWith("petitions/") ? petitionId : supporterId;
        return route.replaceAll(":[A-Za-z]+", Long.toString(Math.max(1, id)));
    }

    private static Class<? extends Component> routeTarget(String route) {
        return RouteConfiguration.forApplicationScope().getRoute(location(route))
                .orElseThrow(() -> new AssertionError("no view is registered at '/" + route + "'"));
    }
}
