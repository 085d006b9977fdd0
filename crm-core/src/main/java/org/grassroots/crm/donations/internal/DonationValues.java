package org.grassroots.crm.donations.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.PaymentMethod;
import org.jspecify.annotations.Nullable;

/** A donation's checked and normalised fields, as the service hands them to the entity. */
public record DonationValues(
        @Nullable Long personId,
        BigDecimal amount,
        LocalDate receivedOn,
        PaymentMethod method,
        DonationPlatform platform,
        @Nullable String externalId,
        @Nullable String campaign,
        @Nullable String employer,
        @Nullable String occupation,
        @Nullable Long recurringPlanId) {

    /** What the audit log keeps about a gift. */
    public AuditDetails auditDetails() {
        return new AuditDetails().put("personId", personId).put("amount", amount).put("receivedOn", receivedOn)
                .put("method", method).put("platform", platform).put("externalId", externalId)
                .put("campaign", campaign).put("employer", employer).put("occupation", occupation)
                .put("recurringPlanId", recurringPlanId);
    }
}
