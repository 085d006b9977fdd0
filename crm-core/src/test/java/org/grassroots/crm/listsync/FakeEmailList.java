package org.grassroots.crm.listsync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.grassroots.crm.listsync.internal.ListSyncSql;
import org.grassroots.crm.plugin.api.email.ConnectionCheck;
import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.MemberOutcome;
import org.grassroots.crm.plugin.api.email.PullPage;
import org.grassroots.crm.plugin.api.email.RemoteMember;
import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.grassroots.crm.plugin.api.email.WebhookRejectedException;
import org.grassroots.crm.plugin.api.email.WebhookRequest;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail service in memory for the engine's tests: members by address, every call recorded, provider-side
 * changes (unsubscribes, bounces, complaints, re-subscribes) kept as events for pull-back and webhooks, and knobs for
 * refusing members, failing calls and acting between calls. Thread-safe: the engine calls it from several threads.
 */
public final class FakeEmailList implements EmailListProvider {

    public static final String SECRET = "s3cret";

    /** A member as the service holds it. */
    public record Member(String email, RemoteStatus status, @Nullable String firstName, @Nullable String lastName,
            @Nullable String zip, @Nullable String state, Set<String> tags, String remoteId, Instant changedAt,
            @Nullable String reason) {
    }

    private final String id;
    private final Segment segment;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<RemoteStatusChange> events = new ArrayList<>();
    private final List<List<ListMember>> pushCalls = new ArrayList<>();
    private final List<List<RemoteMember>> removeCalls = new ArrayList<>();
    private final AtomicInteger bulkCalls = new AtomicInteger();
    private final AtomicInteger pullCalls = new AtomicInteger();
    private final AtomicInteger eventIds = new AtomicInteger();
    private final Set<String> refused = new HashSet<>();
    private int batchSize = 3;
    private int bulkSize = 10;
    private int concurrency = 2;
    private int pageSize = 5;
    private int failingCalls;
    private volatile Consumer<List<ListMember>> beforePush = members -> { };
    private volatile @Nullable String cron;
    private volatile boolean wholeList;

    FakeEmailList(String id, Segment segment) {
        this.id = id;
        this.segment = segment;
    }

    // knobs

    FakeEmailList sizes(int batch, int bulk, int calls) {
        this.batchSize = batch;
        this.bulkSize = bulk;
        this.concurrency = calls;
        return this;
    }

    /** Behaves like Mailman: a member who leaves is deleted, and a pull lists every subscribed member. */
    FakeEmailList listsWholeRoster() {
        this.wholeList = true;
        return this;
    }

    /** The person leaves a roster-style list: their member is deleted, leaving no event behind. */
    synchronized void leave(String email) {
        members.remove(email);
    }

    void cron(@Nullable String cron) {
        this.cron = cron;
    }

    synchronized void refuse(String email) {
        refused.add(email);
    }

    synchronized void failNextCalls(int calls) {
        failingCalls = calls;
    }

    /** Runs before each push is applied, with the members it sends (for checks and for acting mid-sync). */
    void beforePush(Consumer<List<ListMember>> check) {
        this.beforePush = check;
    }

    // what happened

    synchronized List<List<ListMember>> pushCalls() {
        return List.copyOf(pushCalls);
    }

    public synchronized List<ListMember> pushed() {
        return pushCalls.stream().flatMap(List::stream).toList();
    }

    synchronized List<List<RemoteMember>> removeCalls() {
        return List.copyOf(removeCalls);
    }

    int pullCalls() {
        return pullCalls.get();
    }

    /** Every provider-side change so far, as webhooks would deliver them. */
    synchronized List<RemoteStatusChange> events() {
        return List.copyOf(events);
    }

    int bulkCalls() {
        return bulkCalls.get();
    }

    synchronized void forgetCalls() {
        pushCalls.clear();
        removeCalls.clear();
        bulkCalls.set(0);
    }

    public synchronized @Nullable Member member(String email) {
        return members.get(email);
    }

    synchronized Map<String, Member> members() {
        return Map.copyOf(members);
    }

    public synchronized Set<String> subscribed() {
        Set<String> subscribed = new HashSet<>();
        members.values().stream().filter(m -> m.status() == RemoteStatus.SUBSCRIBED)
                .forEach(m -> subscribed.add(m.email()));
        return subscribed;
    }

    // provider-side changes

    /** The person unsubscribes (or bounces, complains, re-subscribes) at the service; returns the event. */
    public synchronized RemoteStatusChange remoteChange(String email, RemoteStatus status, @Nullable String reason) {
        Member member = members.get(email);
        Instant now = Instant.now();
        if (member != null) {
            members.put(email, new Member(email, status, member.firstName(), member.lastName(), member.zip(),
                    member.state(), member.tags(), member.remoteId(), now, reason));
        } else {
            members.put(email, new Member(email, status, null, null, null, null, Set.of(), remoteId(email), now,
                    reason));
        }
        RemoteStatusChange change = new RemoteStatusChange(email, status, now, reason, null,
                id + "-event-" + eventIds.incrementAndGet());
        events.add(change);
        return change;
    }

    /** The person changes their address at the service. */
    synchronized RemoteStatusChange remoteAddressChange(String email, String newEmail) {
        Member member = members.remove(email);
        if (member != null) {
            members.put(newEmail, new Member(newEmail, member.status(), member.firstName(), member.lastName(),
                    member.zip(), member.state(), member.tags(), member.remoteId(), Instant.now(), null));
        }
        RemoteStatusChange change = new RemoteStatusChange(email, RemoteStatus.EMAIL_CHANGED, Instant.now(), null,
                newEmail, id + "-event-" + eventIds.incrementAndGet());
        events.add(change);
        return change;
    }

    /** A webhook call carrying these events, as the service would send it. */
    public static WebhookRequest webhook(String secret, List<RemoteStatusChange> changes) {
        StringBuilder body = new StringBuilder();
        changes.forEach(c -> body.append(c.email()).append(',').append(c.status()).append(',')
                .append(c.eventId()).append(',').append(c.reason() == null ? "" : c.reason()).append(',')
                .append(c.newEmail() == null ? "" : c.newEmail()).append('\n'));
        return new WebhookRequest("POST", secret, Map.of(), Map.of(), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    // the extension point

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Fake list " + id;
    }

    @Override
    public boolean isConfigured() {
        return true;
    }

    @Override
    public String sourceLabel() {
        return "fake:list " + id;
    }

    @Override
    public Segment segment() {
        return segment;
    }

    @Override
    public @Nullable String syncCron() {
        return cron;
    }

    @Override
    public ConnectionCheck testConnection() {
        return new ConnectionCheck(true, "Connected to " + id + " (" + members().size() + " members)");
    }

    @Override
    public int maxBatchSize() {
        return batchSize;
    }

    @Override
    public int maxBulkSize() {
        return bulkSize;
    }

    @Override
    public int maxConcurrentCalls() {
        return concurrency;
    }

    @Override
    public List<MemberOutcome> push(List<ListMember> batch, JobContext job) throws IOException {
        if (batch.size() > batchSize) {
            throw new IllegalArgumentException("push got " + batch.size() + " members, more than " + batchSize);
        }
        return apply(batch);
    }

    @Override
    public List<MemberOutcome> pushBulk(List<ListMember> batch, JobContext job) throws IOException {
        if (batch.size() > bulkSize) {
            throw new IllegalArgumentException("pushBulk got " + batch.size() + " members, more than " + bulkSize);
        }
        bulkCalls.incrementAndGet();
        return apply(batch);
    }

    private List<MemberOutcome> apply(List<ListMember> batch) throws IOException {
        failIfAsked();
        beforePush.accept(batch);
        synchronized (this) {
            pushCalls.add(List.copyOf(batch));
            List<MemberOutcome> outcomes = new ArrayList<>();
            for (ListMember m : batch) {
                if (refused.contains(m.email())) {
                    outcomes.add(new MemberOutcome(m.email(), MemberOutcome.Result.FAILED,
                            "Member looks fake (test refusal)"));
                    continue;
                }
                Member before = members.get(m.email());
                RemoteStatus status = m.subscribed() ? RemoteStatus.SUBSCRIBED
                        : before != null && (before.status() == RemoteStatus.BOUNCED
                                || before.status() == RemoteStatus.COMPLAINED) ? before.status()
                        : RemoteStatus.UNSUBSCRIBED;
                boolean changed = before == null || before.status() != status;
                members.put(m.email(), new Member(m.email(), status, m.firstName(), m.lastName(), m.zip(), m.state(),
                        m.tags(), remoteId(m.email()), changed ? Instant.now() : before.changedAt(),
                        changed ? null : before.reason()));
                outcomes.add(new MemberOutcome(m.email(), before == null ? MemberOutcome.Result.ADDED
                        : m.subscribed() ? MemberOutcome.Result.UPDATED : MemberOutcome.Result.REMOVED, null,
                        remoteId(m.email())));
            }
            return outcomes;
        }
    }

    @Override
    public List<MemberOutcome> remove(List<RemoteMember> batch, JobContext job) throws IOException {
        failIfAsked();
        synchronized (this) {
            removeCalls.add(List.copyOf(batch));
            List<MemberOutcome> outcomes = new ArrayList<>();
            for (RemoteMember m : batch) {
                members.values().removeIf(member -> ListSyncSql.sha256(member.email()).equals(m.emailSha256()));
                outcomes.add(new MemberOutcome(m.emailSha256(), MemberOutcome.Result.REMOVED, null));
            }
            return outcomes;
        }
    }

    /**
     * Lists members whose status changed since then, with their status now, as a provider's member listing does
     * (address changes reach the CRM by webhook only).
     */
    @Override
    public synchronized PullPage pull(@Nullable String cursor, long sinceEpochSecond) throws IOException {
        failIfAsked();
        pullCalls.incrementAndGet();
        List<RemoteStatusChange> since = members.values().stream()
                .filter(m -> wholeList ? m.status() == RemoteStatus.SUBSCRIBED
                        : m.changedAt().getEpochSecond() >= sinceEpochSecond)
                .map(m -> new RemoteStatusChange(m.email(), m.status(), m.changedAt(), m.reason(), null, null))
                .toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(since.size(), from + pageSize);
        return new PullPage(since.subList(from, to), to < since.size() ? Integer.toString(to) : null);
    }

    @Override
    public boolean pullReportsWholeList() {
        return wholeList;
    }

    @Override
    public List<RemoteStatusChange> parseWebhook(WebhookRequest request) throws WebhookRejectedException {
        if (!SECRET.equals(request.pathSecret())) {
            throw new WebhookRejectedException("wrong secret", true);
        }
        List<RemoteStatusChange> changes = new ArrayList<>();
        for (String line : new String(request.body(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length != 5) {
                throw new WebhookRejectedException("a line is not email,status,id,reason,new email", false);
            }
            changes.add(new RemoteStatusChange(parts[0], RemoteStatus.valueOf(parts[1]), Instant.now(),
                    parts[3].isEmpty() ? null : parts[3], parts[4].isEmpty() ? null : parts[4], parts[2]));
        }
        return changes;
    }

    private synchronized void failIfAsked() throws IOException {
        if (failingCalls > 0) {
            failingCalls--;
            throw new IOException("503 Service Unavailable (test)");
        }
    }

    private static String remoteId(String email) {
        return "r-" + ListSyncSql.sha256(email).substring(0, 12);
    }
}
