package org.grassroots.crm.plugin.api.reports;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The numbers of one state for a {@link StatsFilter}.
 *
 * @param state            USPS code, or {@code XX} for supporters with no known state
 * @param supporters       supporters created up to the period's end
 * @param subscribed       of those, with a subscribed primary address
 * @param newSupporters    supporters created within the period
 * @param signatures       signatures within the period
 * @param donors           people who gave within the period
 * @param donationTotal    dollars given within the period, or {@code null} when the caller may not see amounts
 * @param activeVolunteers volunteers active within the period
 * @param volunteerHours   hours logged within the period
 */
public record StateFigures(String state, long supporters, long subscribed, long newSupporters, long signatures,
        long donors, @Nullable BigDecimal donationTotal, long activeVolunteers, BigDecimal volunteerHours) {
}
