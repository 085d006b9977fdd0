package org.grassroots.crm.volunteers;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/** A shift to add to an event, or the new values of one. Times are local to the event. */
public record ShiftDraft(
        @Nullable String role,
        @Nullable LocalDateTime startsAt,
        @Nullable LocalDateTime endsAt,
        @Nullable Integer capacity) {
}
