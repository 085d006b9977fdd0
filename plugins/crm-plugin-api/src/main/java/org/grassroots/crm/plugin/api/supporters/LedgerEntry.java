package org.grassroots.crm.plugin.api.supporters;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One change in the CRM's subscription history, as read by {@link SubscriptionLedger#changesSince}.
 *
 * @param sequence    a position in the history; pass the last one seen to read on from there
 * @param supporterId the supporter the address belongs (or belonged) to
 * @param email       the address, lower-case; {@code null} for an {@link EmailStatus#ERASED} entry, whose address
 *                    is gone: use {@link #emailSha256()} to find it in a remote list
 * @param emailSha256 hex SHA-256 of the lower-case address; always set
 * @param status      the new status
 * @param cause       why, as recorded
 * @param source      where the change came from, as recorded
 * @param at          when it was recorded
 */
public record LedgerEntry(long sequence, long supporterId, @Nullable String email, String emailSha256,
        EmailStatus status, String cause, String source, Instant at) {
}
