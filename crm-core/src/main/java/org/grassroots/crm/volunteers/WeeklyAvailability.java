package org.grassroots.crm.volunteers;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.crm.common.InvalidInputException;

/** The rules for a volunteer's weekly availability windows. */
final class WeeklyAvailability {

    private WeeklyAvailability() {
    }

    /** Every window needs a day, a start and a later end; windows on one day must not overlap. */
    static List<AvailabilityWindow> check(List<AvailabilityWindow> windows) {
        if (windows.size() > 28) {
            throw new InvalidInputException("availability", "Enter at most 28 availability windows.");
        }
        List<AvailabilityWindow> sorted = new ArrayList<>();
        for (AvailabilityWindow window : windows) {
            if (window == null || window.day() == null || window.start() == null || window.end() == null) {
                throw new InvalidInputException("availability",
                        "Give every availability window a day, a start and an end.");
            }
            if (!window.end().isAfter(window.start())) {
                throw new InvalidInputException("availability", "%s %s–%s: the end must be after the start."
                        .formatted(dayName(window), window.start(), window.end()));
            }
            sorted.add(window);
        }
        sorted.sort(Comparator.comparing(AvailabilityWindow::day).thenComparing(AvailabilityWindow::start));
        Map<DayOfWeek, AvailabilityWindow> previousOnDay = new HashMap<>();
        for (AvailabilityWindow window : sorted) {
            AvailabilityWindow previous = previousOnDay.put(window.day(), window);
            if (previous != null && previous.overlaps(window)) {
                throw new InvalidInputException("availability", "%s: %s–%s overlaps %s–%s.".formatted(dayName(window),
                        window.start(), window.end(), previous.start(), previous.end()));
            }
        }
        return sorted;
    }

    private static String dayName(AvailabilityWindow window) {
        return window.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
