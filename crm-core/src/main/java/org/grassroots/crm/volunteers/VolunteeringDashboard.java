package org.grassroots.crm.volunteers;

import java.time.LocalDate;

import org.grassroots.crm.volunteers.internal.EventQueries;
import org.grassroots.crm.volunteers.internal.VolunteerQueries;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Volunteering figures for the home dashboard: aggregates only, so every signed-in role, ANALYST included. */
@Service
public class VolunteeringDashboard {

    private final VolunteerQueries volunteers;
    private final EventQueries events;
    private final EventCalendar calendar;

    VolunteeringDashboard(VolunteerQueries volunteers, EventQueries events, EventCalendar calendar) {
        this.volunteers = volunteers;
        this.events = events;
        this.calendar = calendar;
    }

    /** Active volunteers, events ending today or later, and hours logged on shifts that start this month. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public VolunteeringTotals totals() {
        LocalDate firstOfMonth = calendar.today().withDayOfMonth(1);
        return new VolunteeringTotals(volunteers.countActive(), events.countEndingFrom(calendar.startOfToday()),
                volunteers.hoursOnShiftsStarting(firstOfMonth.atStartOfDay(),
                        firstOfMonth.plusMonths(1).atStartOfDay()));
    }
}
