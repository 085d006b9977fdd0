package org.grassroots.crm.plugin.api.supporters;

import java.time.Instant;

/**
 * A change of an address's status that a plugin learned of, for example an unsubscribe at the email service.
 *
 * @param email  the address, in any case
 * @param status the new status; {@link EmailStatus#ERASED} is not accepted from plugins
 * @param cause  why, for the subscription history (for example "unsubscribed at Mailchimp" or "hard bounce")
 * @param source where it came from, for the history (for example {@code mailchimp:list 1a2b3c})
 * @param at     when it happened at the source
 */
public record StatusChange(String email, EmailStatus status, String cause, String source, Instant at) {

    public StatusChange {
        if (status == EmailStatus.ERASED) {
            throw new IllegalArgumentException("Plugins cannot erase people; erasure is done in the CRM");
        }
    }
}
