package org.grassroots.crm.exports;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A person's current decision about one partner: granted at {@code grantedAt}, and withdrawn at
 * {@code withdrawnAt} when that is set. Only a consent that is not withdrawn lets an export include the person.
 */
public record PartnerConsent(long personId, long partnerId, String partnerName, Instant grantedAt,
        @Nullable Instant withdrawnAt) {

    public boolean current() {
        return withdrawnAt == null;
    }
}
