package org.grassroots.crm.people;

/** The state of one e-mail address on the list. Only {@link #SUBSCRIBED} may be mailed. */
public enum SubscriptionStatus {
    SUBSCRIBED("Subscribed"),
    /** On file but never opted in (for example a petition signer who left the box unticked); may opt in later. */
    NOT_SUBSCRIBED("Not subscribed"),
    UNSUBSCRIBED("Unsubscribed"),
    BOUNCING("Bouncing"),
    SPAM_COMPLAINT("Spam complaint");

    private final String label;

    SubscriptionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the address is kept off the list: an import or a sync never subscribes it again. */
    public boolean isProtected() {
        return this == UNSUBSCRIBED || this == BOUNCING || this == SPAM_COMPLAINT;
    }
}
