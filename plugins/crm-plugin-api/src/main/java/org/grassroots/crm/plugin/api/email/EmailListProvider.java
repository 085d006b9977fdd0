package org.grassroots.crm.plugin.api.email;

import java.io.IOException;
import java.util.List;

import org.grassroots.crm.plugin.api.CrmExtension;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.jspecify.annotations.Nullable;

/**
 * Extension point: one email service (Mailchimp, Mailman, …) that the CRM's list sync pushes members to and pulls
 * unsubscribes, bounces and complaints back from. The provider reads its connection (API key, base URL, list id)
 * from the injected {@link org.grassroots.crm.plugin.api.settings.PluginSettings}.
 *
 * <p>The sync engine decides who is sent: a provider is never asked to subscribe an address the CRM has as
 * unsubscribed, bouncing, complained or erased, and it must not subscribe anyone on its own. Pull-back always runs
 * before push, so a fresh unsubscribe is never overwritten.
 *
 * <p>Calls may be slow (network); respect the provider's rate limits inside the implementation, and throw
 * {@link IOException} for failures worth a retry (timeouts, 429 after backing off, 5xx).
 */
public interface EmailListProvider extends CrmExtension {

    /** Checks the saved settings against the provider; never throws for a bad key or URL, it reports it. */
    ConnectionCheck testConnection();

    /** The most members {@link #push} accepts per call (Mailchimp: 500). */
    int maxBatchSize();

    /**
     * Adds or updates members (subscribe or unsubscribe as each says) and returns one outcome per member; a member
     * refused by the provider is a {@link MemberOutcome.Result#FAILED} outcome with the reason, not an exception.
     *
     * @throws IOException when the call as a whole failed and may be retried
     */
    List<MemberOutcome> push(List<ListMember> members, JobContext job) throws IOException;

    /**
     * Removes addresses from the list entirely (for erasure) where the provider allows, else unsubscribes them.
     *
     * @param emailSha256 hex SHA-256 of lower-case addresses, as the CRM no longer holds erased addresses; a provider
     *                    that addresses members by such a hash (Mailchimp's subscriber hash is MD5, so it looks the
     *                    member up by its own listing) resolves them itself
     * @return one outcome per address that was found at the provider
     * @throws IOException when the call as a whole failed and may be retried
     */
    List<MemberOutcome> remove(List<String> emailSha256, JobContext job) throws IOException;

    /**
     * Reads one page of members' states from the provider, for pull-back.
     *
     * @param cursor      {@code null} for the first page, then the previous page's {@link PullPage#nextCursor()}
     * @param sinceEpochSecond only members changed since then (where the provider can filter), or 0 for all
     * @throws IOException when the call failed and may be retried
     */
    PullPage pull(@Nullable String cursor, long sinceEpochSecond) throws IOException;

    /**
     * Reads a webhook call from the provider into changes; verifies its secret or signature first.
     *
     * @return the changes it reports, possibly none (for event types the CRM does not use)
     * @throws WebhookRejectedException when the call is not genuine or cannot be read
     */
    default List<RemoteStatusChange> parseWebhook(WebhookRequest request) throws WebhookRejectedException {
        throw new WebhookRejectedException(displayName() + " does not take webhooks", false);
    }
}
