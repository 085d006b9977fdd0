package org.grassroots.crm.plugin.api.supporters;

/** What {@link SubscriptionLedger#record} did with one change. */
public enum LedgerOutcome {
    /** The status changed and the change is in the subscription history. */
    APPLIED,
    /** The address already had that status; nothing changed. */
    UNCHANGED,
    /** A re-subscribe of a protected address (unsubscribed, bouncing, complained, erased) was refused. */
    REFUSED_PROTECTED,
    /** No supporter has that address; nothing was created. */
    UNKNOWN_ADDRESS
}
