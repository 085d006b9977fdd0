package org.grassroots.crm.plugin.api.petitions;

/**
 * How an import treats e-mail consent. Whatever the policy, an address that is unsubscribed, bouncing, complained or
 * erased is never re-subscribed.
 */
public enum OptInPolicy {
    /** Subscribe only rows whose opt-in column says yes ({@code yes, y, true, 1, x, opted in}); others are unchanged. */
    FROM_COLUMN,
    /** Every signer agreed to e-mail (the form required it): subscribe new and unsubscribed-never addresses. */
    ALL_OPTED_IN,
    /** Never change anyone's subscription status; new addresses are stored without a subscription. */
    NEVER
}
