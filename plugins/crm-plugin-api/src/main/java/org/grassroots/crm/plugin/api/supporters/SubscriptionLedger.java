package org.grassroots.crm.plugin.api.supporters;

import java.util.List;
import java.util.Optional;

/**
 * Port: the CRM's subscription state and its history, which plugins read and report into. It enforces the rule
 * plugins must never break: an address that is unsubscribed, bouncing, complained or erased is never set back to
 * subscribed by a plugin (see {@link LedgerOutcome#REFUSED_PROTECTED}).
 */
public interface SubscriptionLedger {

    /** The current status of an address (case and spaces ignored), or empty when the CRM does not know it. */
    Optional<EmailStatus> status(String email);

    /** Whether the address may be mailed: known to the CRM and {@link EmailStatus#SUBSCRIBED}. */
    default boolean mayMail(String email) {
        return status(email).filter(s -> s == EmailStatus.SUBSCRIBED).isPresent();
    }

    /** Records one change in the address's status and its history, unless refused; see {@link LedgerOutcome}. */
    LedgerOutcome record(StatusChange change);

    /**
     * Records many changes in one transaction, with the same rules as {@link #record}; the result lists one outcome
     * per change, in order.
     */
    List<LedgerOutcome> recordAll(List<StatusChange> changes);

    /**
     * The history after {@code sequence}, oldest first, at most {@code limit} entries: what changed in the CRM since
     * a sync last looked, including erasures.
     */
    List<LedgerEntry> changesSince(long sequence, int limit);
}
