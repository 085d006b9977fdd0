package org.grassroots.crm.people;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One recorded change of an address's subscription status. */
public record SubscriptionChange(Instant occurredAt, String email, SubscriptionStatus status, String cause,
        @Nullable String source) {
}
