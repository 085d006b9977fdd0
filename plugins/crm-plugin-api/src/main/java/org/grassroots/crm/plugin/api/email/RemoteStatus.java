package org.grassroots.crm.plugin.api.email;

/** A member's state as the email service reports it. */
public enum RemoteStatus {
    /** Subscribed at the provider. */
    SUBSCRIBED,
    /** The person unsubscribed at the provider. */
    UNSUBSCRIBED,
    /** The provider stopped mailing the address because it bounces (Mailchimp: {@code cleaned}). */
    BOUNCED,
    /** The person reported a message as spam. */
    COMPLAINED,
    /** The person changed their address at the provider; see {@link RemoteStatusChange#newEmail()}. */
    EMAIL_CHANGED
}
