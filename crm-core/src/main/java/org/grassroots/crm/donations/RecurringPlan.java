package org.grassroots.crm.donations;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A donor's standing instruction to give every interval; the donor fields are null once the donor is erased. */
public record RecurringPlan(
        long id,
        @Nullable Long personId,
        @Nullable String donorName,
        @Nullable String donorEmail,
        BigDecimal amount,
        String currency,
        PlanInterval interval,
        PlanStatus status,
        LocalDate startedOn,
        @Nullable LocalDate nextChargeOn,
        DonationPlatform platform,
        @Nullable String externalId) {
}
