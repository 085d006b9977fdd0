package org.grassroots.crm.donations;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One donor's giving in US dollars. {@code cycleTotal}/{@code cycleCount} cover the current federal election cycle;
 * {@code employer}/{@code occupation} come from the latest gift that carried both, or are null when none did.
 */
public record DonorSummary(
        long personId,
        int donationCount,
        BigDecimal lifetimeTotal,
        LocalDate firstGiftOn,
        LocalDate lastGiftOn,
        BigDecimal largestGift,
        ElectionCycle cycle,
        BigDecimal cycleTotal,
        int cycleCount,
        @Nullable String employer,
        @Nullable String occupation) {

    public boolean hasEmployerAndOccupation() {
        return employer != null && occupation != null;
    }
}
