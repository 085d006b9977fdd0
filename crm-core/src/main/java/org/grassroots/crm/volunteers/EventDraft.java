package org.grassroots.crm.volunteers;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An event to create or the new values of one. Times are the wall-clock time where the event happens;
 * {@code state} is a USPS code or a state name, or empty for an event with no state (a national online phone bank).
 */
public record EventDraft(
        @Nullable EventKind kind,
        @Nullable String title,
        @Nullable LocalDateTime startsAt,
        @Nullable LocalDateTime endsAt,
        @Nullable String place,
        @Nullable String state) {
}
