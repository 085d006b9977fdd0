package org.grassroots.crm.donations;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A gift as staff enter it. The donor is given by {@code personId} or, when that is null, by {@code donorEmail}.
 * Everything is checked by the service, which names the offending field when it refuses.
 */
public record DonationInput(
        @Nullable Long personId,
        @Nullable String donorEmail,
        @Nullable BigDecimal amount,
        @Nullable LocalDate receivedOn,
        @Nullable PaymentMethod method,
        @Nullable DonationPlatform platform,
        @Nullable String externalId,
        @Nullable String campaign,
        @Nullable String employer,
        @Nullable String occupation,
        @Nullable Long recurringPlanId) {

    /** The input that would record {@code donation} unchanged, for an edit form to start from. */
    public static DonationInput of(Donation donation) {
        return new DonationInput(donation.personId(), donation.donorEmail(), donation.amount(),
                donation.receivedOn(), donation.method(), donation.platform(), donation.externalId(),
                donation.campaign(), donation.employer(), donation.occupation(), donation.recurringPlanId());
    }
}
