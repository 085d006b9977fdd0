package org.grassroots.crm.plugin.api.email;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.crm.plugin.api.CrmExtension;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.jspecify.annotations.Nullable;

/**
 * Extension point: one email service (Mailchimp, Mailman, …) that the CRM's list sync pushes members to and pulls
 * unsubscribes, bounces and complaints back from. The provider reads its connection (API key, base URL, list id),
 * the segment it receives and its schedule from the injected
 * {@link org.grassroots.crm.plugin.api.settings.PluginSettings}.
 *
 * <p>The sync engine decides who is sent: a provider is never asked to subscribe an address the CRM has as
 * unsubscribed, bouncing, complained or erased, and it must not subscribe anyone on its own. Pull-back always runs
 * before push, so a fresh unsubscribe is never overwritten.
 *
 * <p>The engine may call {@link #push}, {@link #pushBulk} and {@link #remove} from up to
 * {@link #maxConcurrentCalls()} threads at once; the implementation must be thread-safe and must itself keep to the
 * provider's connection limit. Respect the provider's rate limits inside the implementation (back off on 429,
 * honour {@code Retry-After}), use timeouts, and throw {@link IOException} for failures worth a retry (timeouts, 429
 * after backing off, 5xx).
 */
public interface EmailListProvider extends CrmExtension {

    /**
     * Whether the settings this provider needs (key, URL, list) are filled in. The sync screens show an unconfigured
     * provider with a pointer to its settings instead of offering to sync it.
     */
    boolean isConfigured();

    /**
     * A short label naming the remote list, used as the source in the subscription history and the sync log, for
     * example {@code mailchimp:list 1a2b3c}. Never contains a secret.
     */
    String sourceLabel();

    /**
     * Which supporters the list receives, as saved in the plugin's settings. The engine sends the segment's
     * subscribed members as subscribed, and unsubscribes members it sent before who left the segment or the list.
     */
    Segment segment();

    /**
     * When the sync runs on its own: a six-field cron expression from the plugin's settings (UTC), or {@code null} for
     * "only when started by hand".
     */
    default @Nullable String syncCron() {
        return null;
    }

    /** Checks the saved settings against the provider; never throws for a bad key or URL, it reports it. */
    ConnectionCheck testConnection();

    /** The most members {@link #push} accepts per call (Mailchimp: 500). */
    int maxBatchSize();

    /** How many calls the engine may have in flight at once (Mailchimp allows 10 connections); at least 1. */
    default int maxConcurrentCalls() {
        return 1;
    }

    /**
     * Adds or updates members (subscribe or unsubscribe as each says) and returns one outcome per member; a member
     * refused by the provider is a {@link MemberOutcome.Result#FAILED} outcome with the reason, not an exception.
     *
     * @param members at most {@link #maxBatchSize()} members
     * @throws IOException when the call as a whole failed and may be retried
     */
    List<MemberOutcome> push(List<ListMember> members, JobContext job) throws IOException;

    /** The most members {@link #pushBulk} accepts per call; by default {@link #maxBatchSize()}. */
    default int maxBulkSize() {
        return maxBatchSize();
    }

    /**
     * Like {@link #push}, for a list's first full sync, where a provider may use a bulk endpoint (Mailchimp's batch
     * operations) that takes many more members per call. The default pushes in {@link #maxBatchSize()} slices.
     *
     * @param members at most {@link #maxBulkSize()} members
     * @throws IOException when the call as a whole failed and may be retried
     */
    default List<MemberOutcome> pushBulk(List<ListMember> members, JobContext job) throws IOException {
        List<MemberOutcome> outcomes = new ArrayList<>(members.size());
        for (int from = 0; from < members.size(); from += maxBatchSize()) {
            job.checkCancelled();
            outcomes.addAll(push(members.subList(from, Math.min(members.size(), from + maxBatchSize())), job));
        }
        return outcomes;
    }

    /**
     * Removes members from the list entirely (for erasure) where the provider allows, else unsubscribes them. The
     * CRM no longer holds an erased address, so each member is named by the hash of its address and the
     * {@link MemberOutcome#remoteId()} the provider returned when it was pushed.
     *
     * @return one outcome per member, its {@link MemberOutcome#email()} being the member's
     *         {@link RemoteMember#emailSha256()}; a member the provider no longer has counts as
     *         {@link MemberOutcome.Result#REMOVED}
     * @throws IOException when the call as a whole failed and may be retried
     */
    List<MemberOutcome> remove(List<RemoteMember> members, JobContext job) throws IOException;

    /**
     * Reads one page of members' states from the provider, for pull-back.
     *
     * @param cursor      {@code null} for the first page, then the previous page's {@link PullPage#nextCursor()}
     * @param sinceEpochSecond only members changed since then (where the provider can filter), or 0 for all
     * @throws IOException when the call failed and may be retried
     */
    PullPage pull(@Nullable String cursor, long sinceEpochSecond) throws IOException;

    /**
     * Whether {@link #pull} reports every current member of the list (ignoring {@code sinceEpochSecond}), rather than
     * only the members that changed. When {@code true}, the engine concludes that a member it pushed as subscribed
     * who is on no page of a pull that ran to its last page has left the list (Mailman deletes members who leave and
     * keeps no history), and records an unsubscribe from this source. A pull that stopped early proves nothing.
     */
    default boolean pullReportsWholeList() {
        return false;
    }

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
