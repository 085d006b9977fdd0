package org.grassroots.crm.plugin.api.supporters;

/** The CRM's state of one e-mail address. Only {@link #SUBSCRIBED} may be mailed or pushed to a list as subscribed. */
public enum EmailStatus {
    /** Opted in; may be mailed. */
    SUBSCRIBED,
    /**
     * On file but never opted in, for example a petition signer who did not tick the box. Not mailed; unlike the
     * statuses below it does not protect the address, so a later opt-in may subscribe it. Since API 1.1.
     */
    NOT_SUBSCRIBED,
    /** Left the list. Never re-subscribed by an import or a sync. */
    UNSUBSCRIBED,
    /** The address bounces. Never re-subscribed by an import or a sync. */
    BOUNCING,
    /** The person reported mail as spam. Never re-subscribed by an import or a sync. */
    SPAM_COMPLAINT,
    /** The person was erased; only a one-way hash of the address is kept, so it can never be added again by accident. */
    ERASED;

    /** Whether this status protects the address from being (re)subscribed by an import or a sync. */
    public boolean isProtected() {
        return this != SUBSCRIBED && this != NOT_SUBSCRIBED;
    }
}
