package org.grassroots.crm.donations;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** What the donations list narrows by; every field is optional and dates and amounts are inclusive. */
public record DonationFilter(
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String campaign,
        @Nullable DonationPlatform platform,
        @Nullable PaymentMethod method,
        @Nullable BigDecimal minAmount,
        @Nullable BigDecimal maxAmount,
        @Nullable Long personId) {

    public static DonationFilter none() {
        return new DonationFilter(null, null, null, null, null, null, null, null);
    }

    public DonationFilter forPerson(@Nullable Long id) {
        return new DonationFilter(from, to, campaign, platform, method, minAmount, maxAmount, id);
    }
}
