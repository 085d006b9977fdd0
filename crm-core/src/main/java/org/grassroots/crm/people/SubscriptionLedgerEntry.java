package org.grassroots.crm.people;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the subscription history in sequence: a status change, or an erased address.
 *
 * @param sequence    the entry's position; later entries have higher numbers
 * @param personId    the supporter the address belongs (or belonged) to
 * @param email       the address, or {@code null} for an erased one
 * @param emailSha256 hex SHA-256 of the lower-case address
 * @param status      the new status, or {@code null} when the address was erased
 * @param cause       why, as recorded
 * @param source      where the change came from, as recorded; empty when none was recorded
 * @param at          when it happened
 */
public record SubscriptionLedgerEntry(long sequence, long personId, @Nullable String email, String emailSha256,
        @Nullable SubscriptionStatus status, String cause, String source, Instant at) {

    public boolean erased() {
        return status == null;
    }
}
