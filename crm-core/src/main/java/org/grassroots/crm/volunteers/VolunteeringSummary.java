package org.grassroots.crm.volunteers;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The short version of a volunteer for the supporter page: status, skills, total hours and their next shift. */
public record VolunteeringSummary(VolunteerStatus status, List<String> skills, BigDecimal totalHours,
        @Nullable VolunteerSignup nextShift) {

    public VolunteeringSummary {
        skills = List.copyOf(skills);
    }
}
