package org.grassroots.crm.volunteers.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.grassroots.crm.people.ui.SupporterSection;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.volunteers.VolunteerService;
import org.grassroots.crm.volunteers.VolunteerSignup;
import org.grassroots.crm.volunteers.VolunteerStatus;
import org.grassroots.crm.volunteers.VolunteeringSummary;

/**
 * The "Volunteering" card on the supporter page: status, skills, total hours and next shift, with a link to the
 * profile. Shown only to volunteer coordinators, organizers and admins.
 */
@org.springframework.stereotype.Component
class VolunteeringSection implements SupporterSection {

    static final int ORDER = 30;

    private final VolunteerService volunteers;
    private final AuthenticationContext authentication;

    VolunteeringSection(VolunteerService volunteers, AuthenticationContext authentication) {
        this.volunteers = volunteers;
        this.authentication = authentication;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Optional<Component> sectionFor(long personId) {
        if (!authentication.hasAnyRole(Role.VOLUNTEER_COORDINATOR_NAME, Role.ORGANIZER_NAME, Role.ADMIN_NAME)) {
            return Optional.empty();
        }
        Card card = new Card();
        card.setTitle("Volunteering");
        card.addClassName("volunteering-section");
        RouterLink profile = VolunteerProfileView.link(personId, "Open volunteer profile");
        volunteers.summary(personId).ifPresentOrElse(summary -> describe(card, summary), () -> {
            card.add(new Span("Not a volunteer yet."));
            profile.setText("Enrol as volunteer");
        });
        card.addToFooter(profile);
        return Optional.of(card);
    }

    private static void describe(Card card, VolunteeringSummary summary) {
        Badge status = new Badge(summary.status().label());
        if (summary.status() == VolunteerStatus.ACTIVE) {
            status.addThemeVariants(BadgeVariant.SUCCESS);
        } else if (summary.status() == VolunteerStatus.DO_NOT_CONTACT) {
            status.addThemeVariants(BadgeVariant.ERROR);
        }
        card.setHeaderSuffix(status);
        card.add(line("Skills", summary.skills().isEmpty() ? "None recorded" : String.join(", ", summary.skills())),
                line("Hours", When.hours(summary.totalHours()) + " in total"));
        VolunteerSignup next = summary.nextShift();
        if (next == null) {
            card.add(line("Next shift", "None planned"));
        } else {
            Div line = line("Next shift", "");
            line.add(new RouterLink("%s · %s, %s".formatted(next.role(), next.eventTitle(),
                    When.range(next.startsAt(), next.endsAt())), EventView.class,
                    new RouteParameters("id", String.valueOf(next.eventId()))));
            card.add(line);
        }
    }

    private static Div line(String label, String value) {
        Span name = new Span(label + ": ");
        name.addClassName("muted");
        return value.isEmpty() ? new Div(name) : new Div(name, new Span(value));
    }
}
