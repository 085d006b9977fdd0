package org.grassroots.crm.donations;

import java.math.BigDecimal;

/** Organisation-wide figures for the dashboard; aggregates only, nothing about any one donor. */
public record DonationTotals(ElectionCycle cycle, long donationsThisCycle, BigDecimal raisedThisCycle,
        long activeRecurringPlans) {
}
