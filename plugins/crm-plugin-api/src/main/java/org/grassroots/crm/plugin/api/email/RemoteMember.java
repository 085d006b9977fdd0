package org.grassroots.crm.plugin.api.email;

import org.jspecify.annotations.Nullable;

/**
 * A member the CRM pushed before and now wants removed, named without its address (which erasure deleted).
 *
 * @param emailSha256 hex SHA-256 of the lower-case address
 * @param remoteId    the {@link MemberOutcome#remoteId()} the provider returned when the member was pushed, or
 *                    {@code null} when it returned none; a provider that needs it and gets {@code null} reports the
 *                    member as {@link MemberOutcome.Result#FAILED} with a reason
 */
public record RemoteMember(String emailSha256, @Nullable String remoteId) {
}
