package org.grassroots.crm.volunteers;

import java.time.LocalDateTime;

import org.grassroots.crm.geo.UsState;
import org.jspecify.annotations.Nullable;

/** One line of an events list, with how many of its shifts' places are taken. */
public record EventRow(
        long id,
        EventKind kind,
        String title,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        @Nullable String place,
        @Nullable UsState state,
        int shifts,
        int filled,
        int capacity) {

    /** "7 / 10", or "No shifts" when none are planned yet. */
    public String fillLevel() {
        return shifts == 0 ? "No shifts" : filled + " / " + capacity;
    }
}
