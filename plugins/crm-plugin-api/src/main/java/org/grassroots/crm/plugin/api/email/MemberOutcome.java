package org.grassroots.crm.plugin.api.email;

import org.jspecify.annotations.Nullable;

/**
 * What the provider did with one pushed or removed member.
 *
 * @param email    the member's address (for {@link EmailListProvider#remove}, the hash it was named by)
 * @param result   the result
 * @param reason   the provider's error for {@link Result#FAILED}, else {@code null}
 * @param remoteId the provider's own id of the member (Mailchimp: the subscriber hash; Mailman: the member id), which
 *                 the CRM keeps so it can remove the member after the address is erased; {@code null} if none
 */
public record MemberOutcome(String email, Result result, @Nullable String reason, @Nullable String remoteId) {

    /** An outcome without a remote id. */
    public MemberOutcome(String email, Result result, @Nullable String reason) {
        this(email, result, reason, null);
    }

    /** The kinds of outcome. */
    public enum Result {
        /** The member was new at the provider. */
        ADDED,
        /** The member existed and was updated. */
        UPDATED,
        /** The member was unsubscribed or removed at the provider. */
        REMOVED,
        /** The provider refused the member; see the reason. */
        FAILED
    }
}
