package org.grassroots.crm.plugin.api.email;

import org.jspecify.annotations.Nullable;

/**
 * What the provider did with one pushed member.
 *
 * @param email  the member's address
 * @param result the result
 * @param reason the provider's error for {@link Result#FAILED}, else {@code null}
 */
public record MemberOutcome(String email, Result result, @Nullable String reason) {

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
