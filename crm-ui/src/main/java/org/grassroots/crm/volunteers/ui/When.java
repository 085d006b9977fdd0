package org.grassroots.crm.volunteers.ui;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.grassroots.crm.geo.UsState;
import org.jspecify.annotations.Nullable;

/** How the volunteer screens write event times ("Sat 14 Nov 10:00–13:00"), places and hours. */
final class When {

    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_TIME_WITH_YEAR =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private When() {
    }

    /** "Sat 14 Nov 10:00–13:00", the year added when it is not this year, the end date when it is another day. */
    static String range(LocalDateTime start, LocalDateTime end) {
        DateTimeFormatter startFormat = start.getYear() == LocalDateTime.now().getYear()
                ? DAY_AND_TIME : DAY_AND_TIME_WITH_YEAR;
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end) : DAY_AND_TIME.format(end);
        return startFormat.format(start) + "–" + endText;
    }

    /** "Des Moines, IA", "Des Moines", "Iowa", or "No place given". */
    static String place(@Nullable String place, @Nullable UsState state) {
        if (place != null && state != null) {
            return place + ", " + state.name();
        }
        if (place != null) {
            return place;
        }
        return state != null ? state.displayName() : "No place given";
    }

    /** "2.5", "3", or "" when nothing was logged. */
    static String hours(@Nullable BigDecimal hours) {
        return hours == null ? "" : hours.stripTrailingZeros().toPlainString();
    }
}
