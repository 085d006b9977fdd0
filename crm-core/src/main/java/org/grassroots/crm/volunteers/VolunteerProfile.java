package org.grassroots.crm.volunteers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A volunteer's profile with their skills, languages, weekly availability and total hours worked. */
public record VolunteerProfile(
        PersonRef person,
        VolunteerStatus status,
        List<Skill> skills,
        List<String> languages,
        @Nullable String notes,
        List<AvailabilityWindow> availability,
        BigDecimal totalHours,
        Instant since) {

    public VolunteerProfile {
        skills = List.copyOf(skills);
        languages = List.copyOf(languages);
        availability = List.copyOf(availability);
    }
}
