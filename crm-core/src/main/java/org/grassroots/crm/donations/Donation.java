package org.grassroots.crm.donations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A recorded gift. {@code personId}, {@code donorName} and {@code donorEmail} are null once the donor has been erased:
 * the gift is kept for accounting but no longer linked to anyone.
 */
public record Donation(
        long id,
        @Nullable Long personId,
        @Nullable String donorName,
        @Nullable String donorEmail,
        BigDecimal amount,
        String currency,
        LocalDate receivedOn,
        PaymentMethod method,
        DonationPlatform platform,
        @Nullable String externalId,
        @Nullable String campaign,
        @Nullable String employer,
        @Nullable String occupation,
        @Nullable Long recurringPlanId,
        Instant createdAt) {

    /** The list position right after this gift, to fetch the next page from. */
    public DonationCursor cursor() {
        return new DonationCursor(receivedOn, id);
    }
}
