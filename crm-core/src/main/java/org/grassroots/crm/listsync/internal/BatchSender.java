package org.grassroots.crm.listsync.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.grassroots.crm.listsync.internal.ListSyncSql.Done;
import org.grassroots.crm.listsync.internal.ListSyncSql.Failed;
import org.grassroots.crm.listsync.internal.ListSyncSql.Sent;
import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.MemberOutcome;
import org.grassroots.crm.plugin.api.email.RemoteMember;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a list's plan rows in batches, up to the provider's number of calls in flight (the streaming thread waits for
 * a free slot, so memory stays flat). Just before a batch is sent, one query checks that every member it sends as
 * subscribed is still subscribed in the CRM; any that is not is sent as unsubscribed. Each batch's outcomes, member
 * rows and counters are written in one transaction, so a cancelled, failed or crashed sync resumes without sending
 * a completed batch twice. A cancel stops taking batches and lets the ones in flight finish; a call that fails after
 * its retries stops the sync the same way.
 */
final class BatchSender implements AutoCloseable {

    /** Thrown from the streaming callback to stop reading the plan. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final ListProvider list;
    private final Retrying calls;
    private final ListSyncSql sql;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JobContext job;
    private final ProviderJobView providerJob;
    private final long runId;
    private final boolean bulk;
    private final int pushSize;
    private final int removeSize;
    private final long total;
    private final int slots;
    private final Semaphore inFlight;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private List<PlanRow> pushes = new ArrayList<>();
    private List<PlanRow> removals = new ArrayList<>();

    BatchSender(ListProvider list, Retrying calls, ListSyncSql sql, TransactionTemplate transaction, Clock clock,
            JobContext job, long runId, boolean bulk, int pushSize, int removeSize, int slots, long total) {
        this.list = list;
        this.calls = calls;
        this.sql = sql;
        this.transaction = transaction;
        this.clock = clock;
        this.job = job;
        this.providerJob = new ProviderJobView(job);
        this.runId = runId;
        this.bulk = bulk;
        this.pushSize = pushSize;
        this.removeSize = removeSize;
        this.total = total;
        this.slots = slots;
        this.inFlight = new Semaphore(slots);
    }

    /** Takes one plan row; sends a batch when one is full. */
    void accept(PlanRow row) {
        if (row.category() == PlanRow.Category.REMOVE) {
            removals.add(row);
            if (removals.size() >= removeSize) {
                submit(removals, true);
                removals = new ArrayList<>();
            }
        } else {
            pushes.add(row);
            if (pushes.size() >= pushSize) {
                submit(pushes, false);
                pushes = new ArrayList<>();
            }
        }
    }

    /** Sends what is left (unless stopped) and waits for every batch in flight. */
    void finish() {
        try {
            if (!pushes.isEmpty()) {
                submit(pushes, false);
            }
            if (!removals.isEmpty()) {
                submit(removals, true);
            }
        } catch (Stop stopped) {
            // cancelled or failed while sending the rest; wait for the batches in flight below
        }
        inFlight.acquireUninterruptibly(slots);
        inFlight.release(slots);
    }

    boolean cancelled() {
        return cancelled.get();
    }

    Exception failure() {
        return failure.get();
    }

    @Override
    public void close() {
        executor.close();
    }

    private void submit(List<PlanRow> batch, boolean removal) {
        if (failure.get() != null) {
            throw new Stop();
        }
        if (job.isCancelled()) {
            cancelled.set(true);
            throw new Stop();
        }
        inFlight.acquireUninterruptibly();
        if (failure.get() != null) {
            inFlight.release();
            throw new Stop();
        }
        executor.submit(() -> {
            try {
                if (removal) {
                    remove(batch);
                } else {
                    push(batch);
                }
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            } finally {
                inFlight.release();
            }
        });
    }

    private void push(List<PlanRow> planned) throws Exception {
        List<String> subscribing = planned.stream().filter(PlanRow::subscribed).map(PlanRow::email).toList();
        Set<String> stillSubscribed = transaction.execute(status -> sql.stillSubscribed(subscribing));
        List<PlanRow> batch = planned.stream()
                .map(row -> row.subscribed() && !stillSubscribed.contains(row.email()) ? row.unsubscribed() : row)
                .toList();
        List<ListMember> members = batch.stream().map(row -> new ListMember(row.email(), row.subscribed(),
                row.firstName(), row.lastName(), row.zip(), row.state(), Set.copyOf(row.tags()))).toList();
        List<MemberOutcome> outcomes = bulk
                ? calls.call("pushBulk", provider -> provider.pushBulk(members, providerJob))
                : calls.call("push", provider -> provider.push(members, providerJob));
        Map<String, MemberOutcome> byEmail = byKey(outcomes);
        List<Sent> sent = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        long added = 0;
        long updated = 0;
        long unsubscribed = 0;
        for (PlanRow row : batch) {
            MemberOutcome outcome = byEmail.get(row.email());
            if (outcome == null || outcome.result() == MemberOutcome.Result.FAILED) {
                failed.add(new Failed(row.personId(), outcome == null ? list.displayName()
                        + " returned no outcome for this member" : reason(outcome)));
                continue;
            }
            sent.add(new Sent(row.emailSha256(), row.personId(), outcome.remoteId(), row.fingerprint(),
                    row.subscribed()));
            switch (row.category()) {
                case ADD -> added++;
                case UPDATE -> updated++;
                default -> unsubscribed++;
            }
        }
        record(batch.size(), new Done(added, updated, unsubscribed, 0, failed.size(), 0), () -> {
            sql.recordSent(list.key(), sent, clock.instant());
            sql.recordFailures(runId, failed);
        });
    }

    private void remove(List<PlanRow> batch) throws Exception {
        List<RemoteMember> members = batch.stream().map(row -> new RemoteMember(row.emailSha256(), row.remoteId()))
                .toList();
        List<MemberOutcome> outcomes = calls.call("remove", provider -> provider.remove(members, providerJob));
        Map<String, MemberOutcome> byHash = byKey(outcomes);
        List<String> removed = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        for (PlanRow row : batch) {
            MemberOutcome outcome = byHash.get(row.emailSha256());
            if (outcome == null || outcome.result() == MemberOutcome.Result.FAILED) {
                failed.add(new Failed(row.personId(), outcome == null ? list.displayName()
                        + " returned no outcome for this member" : reason(outcome)));
            } else {
                removed.add(row.emailSha256());
            }
        }
        record(batch.size(), new Done(0, 0, 0, removed.size(), failed.size(), 0), () -> {
            sql.deleteMembers(list.key(), removed);
            sql.recordFailures(runId, failed);
        });
    }

    private void record(int size, Done counts, Runnable writes) {
        transaction.executeWithoutResult(status -> {
            writes.run();
            sql.addDone(runId, counts);
        });
        count("added", counts.added());
        count("updated", counts.updated());
        count("unsubscribed", counts.unsubscribed());
        count("removed", counts.removed());
        count("failed", counts.failed());
        job.progress(done.addAndGet(size), total);
    }

    private void count(String counter, long delta) {
        if (delta > 0) {
            job.count(counter, delta);
        }
    }

    private static Map<String, MemberOutcome> byKey(List<MemberOutcome> outcomes) {
        Map<String, MemberOutcome> byKey = new HashMap<>();
        outcomes.forEach(outcome -> byKey.put(outcome.email().strip().toLowerCase(Locale.ROOT), outcome));
        return byKey;
    }

    private static String reason(MemberOutcome outcome) {
        String reason = outcome.reason() == null || outcome.reason().isBlank() ? "refused without a reason"
                : outcome.reason().strip();
        return reason.length() <= 500 ? reason : reason.substring(0, 499) + "\u2026";
    }
}
