package org.grassroots.crm.donations;

import java.time.LocalDate;

/**
 * A federal election cycle: the two calendar years that end with a general election in an even year, for example
 * 2025-01-01 to 2026-12-31. Contribution limits and the FEC itemisation threshold count gifts per cycle.
 */
public record ElectionCycle(LocalDate start, LocalDate end) {

    public static ElectionCycle containing(LocalDate day) {
        int firstYear = day.getYear() % 2 == 0 ? day.getYear() - 1 : day.getYear();
        return new ElectionCycle(LocalDate.of(firstYear, 1, 1), LocalDate.of(firstYear + 1, 12, 31));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** "2025–2026". */
    public String label() {
        return start.getYear() + "–" + end.getYear();
    }
}
