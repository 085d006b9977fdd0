package org.grassroots.crm.volunteers;

import java.time.Instant;
import java.time.LocalDateTime;

import org.grassroots.crm.geo.UsState;
import org.jspecify.annotations.Nullable;

/** An event as stored; times are local to the event. */
public record EventDetails(
        long id,
        EventKind kind,
        String title,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        @Nullable String place,
        @Nullable UsState state,
        String createdBy,
        Instant createdAt) {
}
