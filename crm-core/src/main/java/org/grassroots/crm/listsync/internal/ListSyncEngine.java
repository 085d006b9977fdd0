package org.grassroots.crm.listsync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.grassroots.crm.listsync.SyncPlan;
import org.grassroots.crm.listsync.SyncRunStatus;
import org.grassroots.crm.listsync.internal.ListSyncSql.Done;
import org.grassroots.crm.people.SupporterSelectionSql;
import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.plugin.api.email.PullPage;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs one list: pull-back first (the provider's unsubscribes, bounces and complaints into the CRM), then the plan
 * (removals of addresses the CRM no longer holds, and the members to add, update or unsubscribe), then the cursors.
 * Holds the list's lock for the whole run. See {@code docs/list-sync.md}.
 */
@Component
public class ListSyncEngine {

    /** What a run does. */
    public enum Mode {
        /** Pull-back, removals and push. */
        FULL,
        /** Only removals of addresses the CRM no longer holds, after an erasure. */
        REMOVALS
    }

    private static final int ATTEMPTS = 3;
    private static final int LEFT_PER_TRANSACTION = 1_000;
    private static final Duration WEBHOOK_EVENTS_KEPT = Duration.ofDays(30);

    private final ListSyncSql sql;
    private final RemoteChanges remote;
    private final WholeListPull wholeListPull;
    private final Eligibility eligibility;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final Duration retryDelay;
    private final int maxConcurrency;

    ListSyncEngine(ListSyncSql sql, RemoteChanges remote, WholeListPull wholeListPull, Eligibility eligibility, DataSource dataSource,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${crm.list-sync.retry-delay:PT2S}") Duration retryDelay,
            @Value("${crm.list-sync.max-concurrency:8}") int maxConcurrency) {
        this.sql = sql;
        this.remote = remote;
        this.wholeListPull = wholeListPull;
        this.eligibility = eligibility;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.retryDelay = retryDelay;
        this.maxConcurrency = maxConcurrency;
    }

    /** The list's plan now, counted in one query. */
    public SyncPlan plan(ListProvider list) {
        SupporterSelectionSql eligible = eligible(list);
        return readOnly.execute(status -> sql.counts(list.key(), eligible));
    }

    /** Counts the plan and stores it as a dry run; calls the provider for nothing but its segment. */
    public long dryRun(ListProvider list, JobContext job) {
        SyncPlan plan = plan(list);
        long runId = transaction.execute(status -> sql.startRun(list.key(), true, job.jobId(), job.requestedBy(),
                plan, SyncRunStatus.DONE, clock.instant()));
        transaction.executeWithoutResult(status -> sql.finishRun(runId, SyncRunStatus.DONE, null, clock.instant()));
        report(job, plan, "would ");
        return runId;
    }

    /**
     * Runs a sync as the given job.
     *
     * @return the run's id
     * @throws JobCancelledException when cancelled (the run is recorded as cancelled)
     * @throws Exception             the provider's failure after retries (the run is recorded as failed)
     */
    public long sync(ListProvider list, Mode mode, @Nullable Long personId, JobContext job) throws Exception {
        // a removal after an erasure waits for a sync in progress (which may have read its plan before the erasure)
        Duration wait = mode == Mode.REMOVALS ? Duration.ofMinutes(30) : Duration.ZERO;
        try (ListLock lock = ListLock.take(dataSource, list.key(), wait, job)) {
            Instant now = clock.instant();
            long runId = transaction.execute(status -> {
                sql.failAbandonedRuns(list.key(), now);
                return sql.startRun(list.key(), false, job.jobId(), job.requestedBy(), new SyncPlan(0, 0, 0, 0),
                        SyncRunStatus.RUNNING, now);
            });
            try {
                Retrying calls = new Retrying(list, ATTEMPTS, retryDelay);
                if (mode == Mode.FULL) {
                    pullBack(list, calls, runId, job);
                }
                send(list, calls, mode, personId, runId, job);
                transaction.executeWithoutResult(status -> {
                    sql.finishRun(runId, SyncRunStatus.DONE, null, clock.instant());
                    if (mode == Mode.FULL) {
                        sql.succeeded(list.key(), clock.instant());
                        sql.pruneWebhookEvents(list.key(), clock.instant().minus(WEBHOOK_EVENTS_KEPT));
                    }
                });
                return runId;
            } catch (JobCancelledException e) {
                finish(runId, SyncRunStatus.CANCELLED, "Cancelled; starting the sync again carries on from here.");
                throw e;
            } catch (Exception e) {
                finish(runId, SyncRunStatus.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
                throw e;
            }
        }
    }

    private void pullBack(ListProvider list, Retrying calls, long runId, JobContext job) throws Exception {
        Instant started = clock.instant();
        long since = transaction.execute(status -> sql.lastPullAt(list.key()).map(Instant::getEpochSecond).orElse(0L));
        String providerName = list.displayName();
        String source = list.call("sourceLabel", EmailListProvider::sourceLabel);
        boolean wholeList = list.call("pullReportsWholeList", EmailListProvider::pullReportsWholeList);
        String cursor = null;
        long pulled = 0;
        job.log("Pulling back changes from " + providerName
                + (since == 0 || wholeList ? "" : " since " + Instant.ofEpochSecond(since)));
        try {
            do {
                job.checkCancelled();
                String from = cursor;
                PullPage page = calls.call("pull", provider -> provider.pull(from, since));
                apply(list, providerName, source, page.changes(), runId, job);
                if (wholeList) {
                    transaction.executeWithoutResult(status -> wholeListPull.saw(runId, page.changes()));
                }
                pulled += page.changes().size();
                cursor = page.nextCursor();
            } while (cursor != null);
            if (wholeList) {
                List<RemoteStatusChange> left = readOnly.execute(status ->
                        wholeListPull.leftTheList(list.key(), runId, started, providerName));
                for (int from = 0; from < left.size(); from += LEFT_PER_TRANSACTION) {
                    apply(list, providerName, source,
                            left.subList(from, Math.min(left.size(), from + LEFT_PER_TRANSACTION)), runId, job);
                }
                job.log(left.size() + " members the CRM sent are no longer on the " + providerName + " list");
            }
        } finally {
            if (wholeList) {
                transaction.executeWithoutResult(status -> wholeListPull.clear(runId));
            }
        }
        transaction.executeWithoutResult(status -> sql.pulled(list.key(), started));
        job.log("Pull-back read " + pulled + " changes");
    }

    private void apply(ListProvider list, String providerName, String source, List<RemoteStatusChange> changes,
            long runId, JobContext job) {
        RemoteChanges.Applied applied = remote.apply(list.key(), providerName, source, changes, job::log);
        transaction.executeWithoutResult(status -> sql.addDone(runId, Done.pulledBack(applied.applied())));
        if (applied.applied() > 0) {
            job.count("pulled back", applied.applied());
        }
        if (applied.resend() > 0) {
            job.count("marked to send again", applied.resend());
        }
    }

    private void send(ListProvider list, Retrying calls, Mode mode, @Nullable Long personId, long runId,
            JobContext job) throws Exception {
        SupporterSelectionSql eligible = mode == Mode.FULL ? eligible(list) : null;
        SyncPlan plan = mode == Mode.FULL ? readOnly.execute(status -> sql.counts(list.key(), eligible))
                : new SyncPlan(0, 0, 0, 0);
        long total = mode == Mode.FULL ? plan.total() : -1;
        if (mode == Mode.FULL) {
            transaction.executeWithoutResult(status -> sql.setPlanned(runId, plan));
            report(job, plan, "");
        }
        boolean bulk = mode == Mode.FULL && !transaction.execute(status -> sql.hasMembers(list.key()));
        int pushSize = Math.max(1, bulk ? list.call("maxBulkSize", EmailListProvider::maxBulkSize)
                : list.call("maxBatchSize", EmailListProvider::maxBatchSize));
        int removeSize = Math.max(1, list.call("maxBatchSize", EmailListProvider::maxBatchSize));
        int slots = Math.max(1, Math.min(maxConcurrency,
                list.call("maxConcurrentCalls", EmailListProvider::maxConcurrentCalls)));
        if (bulk) {
            job.log("First sync of this list: sending in bulk batches of " + pushSize);
        }
        try (BatchSender sender = new BatchSender(list, calls, sql, transaction, clock, job, runId, bulk, pushSize,
                removeSize, slots, total)) {
            try {
                readOnly.executeWithoutResult(status -> {
                    if (mode == Mode.FULL) {
                        sql.streamPlan(list.key(), eligible, sender::accept);
                    } else {
                        sql.streamRemovals(list.key(), personId, sender::accept);
                    }
                });
            } catch (BatchSender.Stop stopped) {
                // a cancel or a failure; finish() below waits for the batches in flight
            }
            sender.finish();
            if (sender.failure() != null) {
                throw sender.failure();
            }
            if (bulk) {
                // the table just grew by the whole list: give the next plan accurate statistics at once
                sql.analyze();
            }
            if (sender.cancelled() || job.isCancelled()) {
                throw new JobCancelledException();
            }
        }
    }

    private @Nullable SupporterSelectionSql eligible(ListProvider list) {
        Segment segment = list.call("segment", EmailListProvider::segment);
        return eligibility.eligible(segment);
    }

    private void finish(long runId, SyncRunStatus status, String message) {
        transaction.executeWithoutResult(tx -> sql.finishRun(runId, status, message, clock.instant()));
    }

    private static void report(JobContext job, SyncPlan plan, String would) {
        job.log("Plan: " + plan.add() + " to add, " + plan.update() + " to update, " + plan.unsubscribe()
                + " to unsubscribe, " + plan.remove() + " to remove");
        if (!would.isEmpty()) {
            job.count(would + "add", plan.add());
            job.count(would + "update", plan.update());
            job.count(would + "unsubscribe", plan.unsubscribe());
            job.count(would + "remove", plan.remove());
            job.progress(1, 1);
        }
    }
}
