package org.grassroots.crm.volunteers;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One line of the volunteers list; {@code sortKey} is the lower-case last name the list is ordered by. */
public record VolunteerRow(
        long personId,
        String name,
        @Nullable String sortKey,
        VolunteerStatus status,
        List<String> skills,
        List<String> languages,
        BigDecimal totalHours) {

    public VolunteerRow {
        skills = List.copyOf(skills);
        languages = List.copyOf(languages);
    }

    /** Where the next page starts when this is the last row of a page. */
    public VolunteerCursor cursor() {
        return new VolunteerCursor(sortKey, personId);
    }
}
