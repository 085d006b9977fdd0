package org.grassroots.crm.volunteers;

import java.math.BigDecimal;

/** Aggregate figures for the home dashboard; no personal data, so every signed-in role may see them. */
public record VolunteeringTotals(long activeVolunteers, long upcomingEvents, BigDecimal hoursThisMonth) {
}
