package org.grassroots.crm.volunteers;

import org.jspecify.annotations.Nullable;

/** What the volunteers list narrows by; every field is optional. A name needs at least three characters. */
public record VolunteerFilter(
        @Nullable VolunteerStatus status,
        @Nullable Long skillId,
        @Nullable String language,
        @Nullable String name) {

    public static VolunteerFilter none() {
        return new VolunteerFilter(null, null, null, null);
    }
}
