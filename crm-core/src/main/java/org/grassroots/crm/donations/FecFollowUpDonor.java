package org.grassroots.crm.donations;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A donor past the FEC itemisation threshold this cycle whose employer or occupation is still unknown. */
public record FecFollowUpDonor(long personId, String name, @Nullable String email, BigDecimal cycleTotal,
        int cycleCount, LocalDate lastGiftOn) {
}
