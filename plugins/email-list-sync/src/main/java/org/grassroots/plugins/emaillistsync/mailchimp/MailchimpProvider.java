package org.grassroots.plugins.emaillistsync.mailchimp;

import java.io.IOException;
import java.net.URI;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.grassroots.crm.plugin.api.email.ConnectionCheck;
import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.MemberOutcome;
import org.grassroots.crm.plugin.api.email.MemberOutcome.Result;
import org.grassroots.crm.plugin.api.email.PullPage;
import org.grassroots.crm.plugin.api.email.RemoteMember;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.grassroots.crm.plugin.api.email.WebhookRejectedException;
import org.grassroots.crm.plugin.api.email.WebhookRequest;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.jspecify.annotations.Nullable;
import org.pf4j.Extension;
import tools.jackson.databind.JsonNode;

/**
 * The Mailchimp audience (Marketing API 3.0) as an email list: pushes members with the batch subscribe endpoint (500
 * a call) or, for a first full sync, with batch operations; erases with {@code delete-permanent}; pulls members'
 * states changed since a time; reads list webhooks. At most 10 requests are in flight across all threads using one
 * instance, 429 and 5xx are retried with backoff, and the API key never appears in a log line or a message. The
 * settings are read at each call, so a changed key or audience applies at once.
 */
@Extension
public class MailchimpProvider implements EmailListProvider {

    /** Mailchimp's most members per batch subscribe call. */
    static final int MAX_BATCH = 500;
    /** Most members per bulk push: ten batch-subscribe operations in one batch. */
    static final int MAX_BULK = 5000;

    private final PluginSettings settings;
    private final MailchimpHttp http;
    private final BatchOperations batches;

    /** The provider for the plugin's saved settings. */
    public MailchimpProvider(PluginSettings settings) {
        this(settings, MailchimpHttp.Tuning.DEFAULT);
    }

    MailchimpProvider(PluginSettings settings, MailchimpHttp.Tuning tuning) {
        this.settings = settings;
        this.http = new MailchimpHttp(tuning);
        this.batches = new BatchOperations(http);
    }

    @Override
    public String id() {
        return "mailchimp";
    }

    @Override
    public String displayName() {
        return "Mailchimp";
    }

    @Override
    public boolean isConfigured() {
        return MailchimpSettings.value(settings, MailchimpSettings.API_KEY).isPresent() && listId().isPresent()
                && MailchimpSettings.baseUrl(settings).isPresent();
    }

    @Override
    public String sourceLabel() {
        return "mailchimp:list " + listId().orElse("(none)");
    }

    @Override
    public Segment segment() {
        return MailchimpSettings.SEGMENT.segment(settings);
    }

    @Override
    public @Nullable String syncCron() {
        return MailchimpSettings.SEGMENT.schedule(settings);
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    @Override
    public int maxConcurrentCalls() {
        return MailchimpHttp.MAX_CONNECTIONS;
    }

    @Override
    public int maxBulkSize() {
        return MAX_BULK;
    }

    @Override
    public List<MemberOutcome> push(List<ListMember> members, JobContext job) throws IOException {
        limit(members, MAX_BATCH, "push");
        if (members.isEmpty()) {
            return List.of();
        }
        Connection connection = connection();
        MailchimpHttp.Answer answer = http.call("POST", connection.uri("/lists/" + connection.listId()),
                MemberBatch.body(members), connection.apiKey(), http.tuning().maxAttempts(), job);
        if (!answer.ok()) {
            return MemberBatch.failedAll(members, MemberBatch.refusal(answer));
        }
        return MemberBatch.outcomes(members, MemberBatch.parse(answer.body()));
    }

    @Override
    public List<MemberOutcome> pushBulk(List<ListMember> members, JobContext job) throws IOException {
        limit(members, MAX_BULK, "pushBulk");
        if (members.size() <= MAX_BATCH) {
            return push(members, job);
        }
        Connection connection = connection();
        return batches.push(connection.base(), connection.apiKey(), connection.listId(), members, job);
    }

    @Override
    public List<MemberOutcome> remove(List<RemoteMember> members, JobContext job) throws IOException {
        Connection connection = connection();
        List<MemberOutcome> outcomes = new ArrayList<>(members.size());
        for (RemoteMember member : members) {
            job.checkCancelled();
            String hash = member.remoteId();
            if (hash == null || !hash.matches("[0-9a-f]{32}")) {
                outcomes.add(new MemberOutcome(member.emailSha256(), Result.FAILED,
                        hash == null ? "no Mailchimp id recorded" : "not a Mailchimp subscriber hash"));
                continue;
            }
            MailchimpHttp.Answer answer = http.call("POST", connection.uri("/lists/" + connection.listId()
                    + "/members/" + hash + "/actions/delete-permanent"), null, connection.apiKey(),
                    http.tuning().maxAttempts(), job);
            outcomes.add(answer.ok() || answer.status() == 404
                    ? new MemberOutcome(member.emailSha256(), Result.REMOVED, null, hash)
                    : new MemberOutcome(member.emailSha256(), Result.FAILED, MemberBatch.refusal(answer), hash));
        }
        return outcomes;
    }

    @Override
    public PullPage pull(@Nullable String cursor, long sinceEpochSecond) throws IOException {
        Connection connection = connection();
        long offset = cursor == null ? 0 : Long.parseLong(cursor);
        MailchimpHttp.Answer answer = http.call("GET", connection.uri(MemberListing.pathAndQuery(connection.listId(),
                offset, sinceEpochSecond)), null, connection.apiKey(), http.tuning().maxAttempts(), null);
        if (!answer.ok()) {
            throw new IOException(MemberBatch.refusal(answer));
        }
        return MemberListing.read(MemberBatch.parse(answer.body()), offset);
    }

    @Override
    public List<RemoteStatusChange> parseWebhook(WebhookRequest request) throws WebhookRejectedException {
        return MailchimpWebhook.parse(request,
                MailchimpSettings.value(settings, MailchimpSettings.WEBHOOK_SECRET).orElse(null),
                listId().orElse(""));
    }

    @Override
    public ConnectionCheck testConnection() {
        if (!isConfigured()) {
            return new ConnectionCheck(false, "Fill in the Mailchimp API key and audience id first.");
        }
        Connection connection = connection();
        try {
            MailchimpHttp.Answer answer = http.call("GET", connection.uri("/lists/" + connection.listId()
                    + "?fields=name,stats.member_count"), null, connection.apiKey(), 1, null);
            if (!answer.ok()) {
                return new ConnectionCheck(false, MemberBatch.refusal(answer));
            }
            JsonNode list = MemberBatch.parse(answer.body());
            return new ConnectionCheck(true, "Connected to audience '" + MemberBatch.text(list, "name") + "' ("
                    + NumberFormat.getIntegerInstance(Locale.US).format(list.path("stats").path("member_count")
                    .asLong(0)) + " members)");
        } catch (IOException e) {
            return new ConnectionCheck(false, e.getMessage() + " (" + connection.base().getHost() + ")");
        } catch (RuntimeException e) {
            return new ConnectionCheck(false, "Mailchimp's answer could not be read.");
        }
    }

    /** The saved connection; an unconfigured provider is a setup problem the engine should not retry. */
    private Connection connection() {
        String apiKey = MailchimpSettings.value(settings, MailchimpSettings.API_KEY).orElseThrow(
                () -> new IllegalStateException("The Mailchimp API key is not set; fill it in on the plugin's settings"));
        String listId = listId().orElseThrow(
                () -> new IllegalStateException("The Mailchimp audience id is not set; fill it in on the plugin's settings"));
        URI base = MailchimpSettings.baseUrl(settings).orElseThrow(() -> new IllegalStateException(
                "The Mailchimp API URL cannot be derived from the key; set the API URL on the plugin's settings"));
        return new Connection(base, apiKey, listId);
    }

    private Optional<String> listId() {
        return MailchimpSettings.value(settings, MailchimpSettings.LIST_ID);
    }

    private static void limit(List<?> members, int most, String call) {
        if (members.size() > most) {
            throw new IllegalArgumentException(
                    "Mailchimp " + call + " takes at most " + most + " members, was given " + members.size());
        }
    }

    private record Connection(URI base, String apiKey, String listId) {

        URI uri(String pathAndQuery) {
            return URI.create(base + pathAndQuery);
        }

        @Override
        public String toString() {
            return "Connection[" + base + ", list " + listId + "]";
        }
    }
}
