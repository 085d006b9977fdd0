package org.grassroots.crm.plugin.api.email;

/**
 * Thrown by {@link EmailListProvider#parseWebhook} when a request is not a genuine call from the provider (wrong
 * secret or signature) or cannot be read. The host answers 403 or 400 and records nothing.
 */
public class WebhookRejectedException extends Exception {

    private final boolean forbidden;

    /**
     * @param message   why, for the log
     * @param forbidden {@code true} for a bad secret or signature (403), {@code false} for an unreadable request (400)
     */
    public WebhookRejectedException(String message, boolean forbidden) {
        super(message);
        this.forbidden = forbidden;
    }

    /** Whether the request failed authentication (403) rather than parsing (400). */
    public boolean forbidden() {
        return forbidden;
    }
}
