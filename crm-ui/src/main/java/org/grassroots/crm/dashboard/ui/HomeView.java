package org.grassroots.crm.dashboard.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.people.SupporterCounts;
import org.grassroots.crm.people.SupporterStatsService;
import org.grassroots.crm.security.CrmUserPrincipal;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.grassroots.crm.volunteers.VolunteeringDashboard;
import org.grassroots.crm.volunteers.VolunteeringTotals;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The first page after sign-in: who you are and what you may do, then counts of what the CRM holds. Every number is
 * an aggregate from the database (also fine for analysts); an empty database says how to start.
 */
@Route("")
@PageTitle("Home")
@Menu(order = 0, icon = "vaadin:home")
@PermitAll
class HomeView extends VerticalLayout {

    static final String STAFF_CARD = "Active staff accounts";
    static final String SUPPORTERS_CARD = "Supporters";
    static final String SUBSCRIBED_CARD = "Subscribed to e-mail";
    static final String VOLUNTEERS_CARD = "Active volunteers";
    static final String EVENTS_CARD = "Upcoming events";
    static final String HOURS_CARD = "Volunteer hours this month";
    static final String SIGN_INS_CARD = "Sign-ins in the last 24 hours";
    static final String FAILED_SIGN_INS_CARD = "Failed sign-ins in the last 24 hours";

    private static final Duration RECENT = Duration.ofHours(24);
    private static final String AUDIT_ROUTE = "audit";

    private final AuthenticationContext authentication;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;
    private final SupporterStatsService supporters;
    private final VolunteeringDashboard volunteering;

    HomeView(AuthenticationContext authentication, UserService users, AuditLog audit, Clock clock,
            SupporterStatsService supporters, VolunteeringDashboard volunteering) {
        this.authentication = authentication;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.supporters = supporters;
        this.volunteering = volunteering;
        addClassName("home-view");
        Set<Role> roles = heldRoles();
        SupporterCounts counts = supporters.counts();
        add(new H2("Welcome, " + displayName()), rolesSection(roles), new H3("At a glance"), cards(roles, counts));
        if (counts.activeSupporters() == 0) {
            add(emptyState());
        }
    }

    private String displayName() {
        return authentication.getAuthenticatedUser(Object.class)
                .map(principal -> switch (principal) {
                    case CrmUserPrincipal crmUser -> crmUser.displayName();
                    case UserDetails user -> user.getUsername();
                    default -> authentication.getPrincipalName().orElse("");
                })
                .orElse("");
    }

    private Set<Role> heldRoles() {
        Set<String> authorities = authentication.getGrantedAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return Arrays.stream(Role.values()).filter(role -> authorities.contains(role.authority()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static Component rolesSection(Set<Role> roles) {
        if (roles.isEmpty()) {
            return new Paragraph("You hold no roles yet, so there is little to open. Ask an administrator.");
        }
        Paragraph intro = new Paragraph(roles.size() == 1 ? "Your role:" : "Your roles:");
        intro.addClassName("home-roles-intro");
        UnorderedList list = new UnorderedList();
        list.addClassName("home-roles");
        for (Role role : roles) {
            Span label = new Span(role.label());
            label.addClassName("home-role-label");
            list.add(new ListItem(label, new Span(" — " + role.description())));
        }
        return new Div(intro, list);
    }

    private Component cards(Set<Role> roles, SupporterCounts counts) {
        VolunteeringTotals volunteers = volunteering.totals();
        Div cards = new Div(
                card(SUPPORTERS_CARD, counts.activeSupporters(), List.of()),
                card(SUBSCRIBED_CARD, counts.subscribedSupporters(), List.of()),
                card(VOLUNTEERS_CARD, volunteers.activeVolunteers(), List.of()),
                card(EVENTS_CARD, volunteers.upcomingEvents(), List.of()),
                card(HOURS_CARD, volunteers.hoursThisMonth().longValue(), List.of()),
                card(STAFF_CARD, users.countEnabled(), List.of()));
        cards.addClassName("stat-cards");
        if (roles.contains(Role.ADMIN)) {
            Instant since = clock.instant().minus(RECENT);
            long signIns = audit.countSince(AuditAction.LOGIN_SUCCEEDED, since);
            long wrong = audit.countSince(AuditAction.LOGIN_FAILED, since);
            long locked = audit.countSince(AuditAction.LOGIN_LOCKED, since);
            cards.add(card(SIGN_INS_CARD, signIns,
                    List.of(auditLink("Show in the audit log", AuditAction.LOGIN_SUCCEEDED))));
            cards.add(card(FAILED_SIGN_INS_CARD, wrong + locked, List.of(
                    auditLink(wrong + " wrong username or password", AuditAction.LOGIN_FAILED),
                    auditLink(locked + " refused while locked", AuditAction.LOGIN_LOCKED))));
        }
        return cards;
    }

    private static Div card(String label, long count, List<Anchor> links) {
        Span value = new Span(String.format(Locale.ROOT, "%,d", count));
        value.addClassName("stat-value");
        Span caption = new Span(label);
        caption.addClassName("stat-label");
        Div card = new Div(value, caption);
        card.addClassName("stat-card");
        if (!links.isEmpty()) {
            Div footer = new Div(links.toArray(Component[]::new));
            footer.addClassName("stat-links");
            card.add(footer);
        }
        return card;
    }

    private static Anchor auditLink(String text, AuditAction action) {
        Anchor link = new Anchor(AUDIT_ROUTE + "?action=" + action.name(), text);
        link.addClassName("stat-link");
        return link;
    }

    private static Component emptyState() {
        Paragraph next = new Paragraph("No supporters yet. Add the first one on the Supporters page, or try the CRM "
                + "with synthetic data: start it with ./mvnw spring-boot:run "
                + "-Dspring-boot.run.arguments=--demo-data=1200000");
        next.addClassName("home-next");
        return next;
    }
}
