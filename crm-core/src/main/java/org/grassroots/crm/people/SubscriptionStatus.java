package org.grassroots.crm.people;

/** The state of one e-mail address on the list. Only {@link #SUBSCRIBED} may be mailed. */
public enum SubscriptionStatus {
    SUBSCRIBED("Subscribed"),
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
}
