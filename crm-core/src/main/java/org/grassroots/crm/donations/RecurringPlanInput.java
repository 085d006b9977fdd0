package org.grassroots.crm.donations;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A recurring plan as staff enter it; the donor is {@code personId}, or found by {@code donorEmail}. */
public record RecurringPlanInput(
        @Nullable Long personId,
        @Nullable String donorEmail,
        @Nullable BigDecimal amount,
        @Nullable PlanInterval interval,
        @Nullable LocalDate startedOn,
        @Nullable LocalDate nextChargeOn,
        @Nullable DonationPlatform platform,
        @Nullable String externalId) {
}
