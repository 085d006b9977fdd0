package org.grassroots.crm.volunteers;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The editable part of a volunteer profile; the whole lists replace the stored ones. */
public record ProfileUpdate(
        VolunteerStatus status,
        Set<Long> skillIds,
        List<String> languages,
        @Nullable String notes,
        List<AvailabilityWindow> availability) {

    public ProfileUpdate {
        skillIds = skillIds == null ? Set.of() : Set.copyOf(skillIds);
        languages = languages == null ? List.of() : List.copyOf(languages);
        availability = availability == null ? List.of() : List.copyOf(availability);
    }
}
