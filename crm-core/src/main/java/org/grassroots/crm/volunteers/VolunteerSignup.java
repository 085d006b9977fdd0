package org.grassroots.crm.volunteers;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.grassroots.crm.geo.UsState;
import org.jspecify.annotations.Nullable;

/** A sign-up as listed on a volunteer's profile: which event and shift, its status and hours. */
public record VolunteerSignup(
        long id,
        long eventId,
        EventKind kind,
        String eventTitle,
        @Nullable String place,
        @Nullable UsState state,
        long shiftId,
        String role,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        SignupStatus status,
        @Nullable BigDecimal hours) {
}
