package org.grassroots.crm.people;

import java.time.Instant;

/** One of a supporter's e-mail addresses (normalised lower-case) with its subscription status. */
public record EmailAddress(String email, boolean primary, SubscriptionStatus status, Instant statusChangedAt) {
}
