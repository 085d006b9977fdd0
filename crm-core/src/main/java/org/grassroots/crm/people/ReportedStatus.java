package org.grassroots.crm.people;

import java.time.Instant;

/**
 * A status change a system (an e-mail service, a plugin) reports for an address.
 *
 * @param email  the address, in any case and with any surrounding spaces
 * @param status the new status
 * @param cause  why, for the history (at most 200 characters are kept)
 * @param source where it came from, for the history (at most 200 characters are kept)
 * @param at     when it happened at the source; a time in the future is taken as now
 */
public record ReportedStatus(String email, SubscriptionStatus status, String cause, String source, Instant at) {
}
