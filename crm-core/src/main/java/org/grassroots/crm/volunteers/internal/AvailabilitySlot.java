package org.grassroots.crm.volunteers.internal;

import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code availability}; {@code dayOfWeek} is ISO, 1 = Monday. */
@Embeddable
public record AvailabilitySlot(
        @Column(name = "day_of_week", nullable = false) short dayOfWeek,
        @Column(name = "start_time", nullable = false) LocalTime startTime,
        @Column(name = "end_time", nullable = false) LocalTime endTime) {
}
