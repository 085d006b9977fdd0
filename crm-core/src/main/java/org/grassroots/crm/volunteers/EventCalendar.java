package org.grassroots.crm.volunteers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Today" and "now" for events, whose times are local wall-clock times: taken in the organisation's time zone
 * ({@code crm.volunteers.time-zone}, America/New_York unless set), so an evening phone bank is not "past" just
 * because it is already tomorrow in UTC. Also the timestamps of stored changes.
 */
@Component
class EventCalendar {

    private final Clock clock;
    private final ZoneId zone;

    EventCalendar(Clock clock, @Value("${crm.volunteers.time-zone:America/New_York}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    LocalDateTime startOfToday() {
        return today().atStartOfDay();
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(zone));
    }

    /** The current instant at the database's precision (microseconds), so what is stored reads back equal. */
    Instant timestamp() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
