package org.grassroots.crm.volunteers;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly window in which a volunteer is usually free, e.g. Tuesdays 18:00–21:00. */
public record AvailabilityWindow(DayOfWeek day, LocalTime start, LocalTime end) {

    public boolean overlaps(AvailabilityWindow other) {
        return day == other.day && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
