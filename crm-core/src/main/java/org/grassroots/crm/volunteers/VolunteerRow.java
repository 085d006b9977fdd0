package org.grassroots.crm.volunteers;

import java.math.BigDecimal;
import java.util.List;

/** One line of the volunteers list. */
public record VolunteerRow(
        long personId,
        String name,
        VolunteerStatus status,
        List<String> skills,
        List<String> languages,
        BigDecimal totalHours) {

    public VolunteerRow {
        skills = List.copyOf(skills);
        languages = List.copyOf(languages);
    }
}
