package org.grassroots.crm.volunteers;

import java.time.LocalDateTime;

/** A shift of an event with how many places are taken (sign-ups signed up, confirmed or attended). */
public record ShiftRow(long id, long eventId, String role, LocalDateTime startsAt, LocalDateTime endsAt,
        int capacity, int filled) {

    /** "7 / 10". */
    public String fillLevel() {
        return filled + " / " + capacity;
    }

    public boolean full() {
        return filled >= capacity;
    }
}
