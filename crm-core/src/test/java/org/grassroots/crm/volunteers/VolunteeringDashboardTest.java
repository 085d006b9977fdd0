package org.grassroots.crm.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.eventDraft;
import static org.grassroots.crm.volunteers.VolunteeringFixtures.unique;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

class VolunteeringDashboardTest extends VolunteeringIntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    @Autowired
    VolunteeringDashboard dashboard;

    @Test
    void totalsCountActiveVolunteersUpcomingEventsAndThisMonthsHours() {
        VolunteeringTotals before = dashboard.totals();
        long active = fixtures.person();
        long inactive = fixtures.person();
        volunteers.enrol(active);
        volunteers.enrol(inactive);
        volunteers.updateProfile(inactive, new ProfileUpdate(VolunteerStatus.INACTIVE, Set.of(), List.of(), null,
                List.of()));
        LocalDateTime firstOfMonth = TODAY.withDayOfMonth(1).atTime(9, 0);
        LocalDateTime lastMonth = firstOfMonth.minusMonths(1);
        logHours(active, firstOfMonth, "2.25");
        logHours(active, lastMonth, "4");
        events.create(eventDraft(unique("Tomorrow"), TODAY.plusDays(1).atTime(18, 0), TODAY.plusDays(1).atTime(21, 0)));

        VolunteeringTotals after = dashboard.totals();

        assertThat(after.activeVolunteers() - before.activeVolunteers()).isEqualTo(1);
        // the two events holding this month's and last month's shifts are past (unless this month's is today)
        long pastEventsCountedUpcoming = firstOfMonth.toLocalDate().equals(TODAY) ? 1 : 0;
        assertThat(after.upcomingEvents() - before.upcomingEvents()).isEqualTo(1 + pastEventsCountedUpcoming);
        assertThat(after.hoursThisMonth().subtract(before.hoursThisMonth())).isEqualByComparingTo("2.25");
    }

    @Test
    void everySignedInRoleSeesTheTotalsButNobodyElse() {
        for (Role role : Role.values()) {
            signInAs("someone", role);
            assertThat(dashboard.totals().activeVolunteers()).isNotNegative();
        }
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> dashboard.totals()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private void logHours(long person, LocalDateTime startsAt, String hours) {
        EventDetails event = events.create(eventDraft(unique("Canvass"), startsAt, startsAt.plusHours(5)));
        ShiftRow shift = events.addShift(event.id(), new ShiftDraft("Canvasser", startsAt, startsAt.plusHours(5), 5));
        SignupRow signup = signups.signUp(shift.id(), person);
        signups.changeStatus(signup.id(), SignupStatus.ATTENDED);
        signups.logHours(signup.id(), new BigDecimal(hours));
    }
}
