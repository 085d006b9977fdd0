package org.grassroots.crm.donations.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.PlanInterval;
import org.jspecify.annotations.Nullable;

/** A recurring plan's checked and normalised fields. */
public record PlanValues(
        @Nullable Long personId,
        BigDecimal amount,
        PlanInterval interval,
        LocalDate startedOn,
        @Nullable LocalDate nextChargeOn,
        DonationPlatform platform,
        @Nullable String externalId) {

    /** What the audit log keeps about a plan. */
    public AuditDetails auditDetails() {
        return new AuditDetails().put("personId", personId).put("amount", amount).put("interval", interval)
                .put("startedOn", startedOn).put("nextChargeOn", nextChargeOn).put("platform", platform)
                .put("externalId", externalId);
    }
}
