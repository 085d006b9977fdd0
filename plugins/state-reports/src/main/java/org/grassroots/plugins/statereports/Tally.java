package org.grassroots.plugins.statereports;

import java.math.BigDecimal;

import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one row of the state table: one state's {@link StateFigures}, or several added up.
 * {@code donationTotal} is {@code null} when the user may not see amounts.
 */
record Tally(long supporters, long subscribed, long newSupporters, long signatures, long donors,
        @Nullable BigDecimal donationTotal, long activeVolunteers, BigDecimal volunteerHours) {

    /** Nothing counted; the amount is zero, or {@code null} when the user may not see amounts. */
    static Tally zero(boolean canSeeMoney) {
        return new Tally(0, 0, 0, 0, 0, canSeeMoney ? BigDecimal.ZERO : null, 0, BigDecimal.ZERO);
    }

    static Tally of(StateFigures figures) {
        return new Tally(figures.supporters(), figures.subscribed(), figures.newSupporters(), figures.signatures(),
                figures.donors(), figures.donationTotal(), figures.activeVolunteers(), figures.volunteerHours());
    }

    /** Both added up; the amount is {@code null} if either is. */
    Tally plus(Tally other) {
        BigDecimal total = donationTotal == null || other.donationTotal == null ? null
                : donationTotal.add(other.donationTotal);
        return new Tally(supporters + other.supporters, subscribed + other.subscribed,
                newSupporters + other.newSupporters, signatures + other.signatures, donors + other.donors, total,
                activeVolunteers + other.activeVolunteers, volunteerHours.add(other.volunteerHours));
    }
}
