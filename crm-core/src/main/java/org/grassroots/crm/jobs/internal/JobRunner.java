package org.grassroots.crm.jobs.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.jobs.JobHandler;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.jobs.JobSummary;
import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.grassroots.crm.plugin.api.jobs.RetryPolicy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one attempt of a job when its db-scheduler execution comes due, and says whether the execution should come
 * back (a retry, or a run interrupted by shutdown) or go. The job row decides: a job that is no longer active is
 * not run, and a job found still RUNNING was left behind by an instance that stopped, so this is a new attempt.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    static final int MAX_ERROR_LENGTH = 2000;
    static final String SYSTEM = "system";

    /** What happens to the job's db-scheduler execution after an attempt. */
    record Outcome(@Nullable Instant runAgainAt) {
        static Outcome done() {
            return new Outcome(null);
        }
    }

    private record Attempt(JobSummary job, JobHandler handler, RetryPolicy policy, int number) {
    }

    private final JobStore store;
    private final JobHandlers handlers;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final RunningJob.Reports reports;

    JobRunner(JobStore store, JobHandlers handlers, AuditLog audit, PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.handlers = handlers;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.reports = new RunningJob.Reports() {
            @Override
            public void saveProgress(long jobId, long done, long total, String countsJson, List<String> lines) {
                store.saveProgress(jobId, done, total, countsJson, lines);
            }

            @Override
            public boolean isCancelRequested(long jobId) {
                return store.isCancelRequested(jobId);
            }
        };
        this.clock = clock;
    }

    Outcome run(long jobId, String node, BooleanSupplier shuttingDown) {
        Attempt attempt = transaction.execute(status -> begin(jobId, node));
        if (attempt == null) {
            return Outcome.done();
        }
        // handlers run signed in as nobody, whatever the pooled thread saw before
        SecurityContextHolder.clearContext();
        try {
            return runAttempt(attempt, node, shuttingDown);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Outcome runAttempt(Attempt attempt, String node, BooleanSupplier shuttingDown) {
        long jobId = attempt.job().id();
        RunningJob context = new RunningJob(jobId, attempt.job().requestedBy(), attempt.number(),
                attempt.job().parameters(), reports, shuttingDown, System::nanoTime);
        try {
            attempt.handler().run(context);
            context.flush();
            store.finish(jobId, JobState.SUCCEEDED, null);
            store.appendLog(jobId, List.of("Finished"));
            return Outcome.done();
        } catch (JobCancelledException cancelled) {
            context.flush();
            if (shuttingDown.getAsBoolean() && !store.isCancelRequested(jobId)) {
                return requeue(jobId, node, context);
            }
            store.finish(jobId, JobState.CANCELLED, null);
            store.appendLog(jobId, List.of("Cancelled"));
            return Outcome.done();
        } catch (Exception | LinkageError | AssertionError | StackOverflowError failure) {
            boolean interrupted = Thread.interrupted() || failure instanceof InterruptedException;
            if (shuttingDown.getAsBoolean() && interrupted) {
                return requeue(jobId, node, context);
            }
            flushQuietly(context);
            return failed(attempt, failure);
        }
    }

    private @Nullable Attempt begin(long jobId, String node) {
        JobSummary job = store.lock(jobId).orElse(null);
        if (job == null || !job.state().isActive()) {
            return null;
        }
        if (job.cancelRequested()) {
            store.finish(jobId, JobState.CANCELLED, null);
            store.appendLog(jobId, List.of("Cancelled"));
            return null;
        }
        if (job.state() == JobState.RUNNING) {
            String lost = "Attempt " + job.attempt() + " stopped with instance " + job.node() + " before it finished";
            if (job.attempt() >= job.maxAttempts()) {
                failFinally(job, job.attempt(), lost);
                return null;
            }
            store.appendLog(jobId, List.of(lost + "; running it again"));
        }
        Optional<JobHandler> handler;
        try {
            handler = handlers.forType(job.type());
        } catch (RuntimeException e) {
            failFinally(job, 0, messageOf(e));
            return null;
        }
        if (handler.isEmpty()) {
            failFinally(job, 0, "No handler for job type '" + job.type()
                    + "': the feature or plugin that runs it is not installed or not started.");
            return null;
        }
        RetryPolicy policy = handler.get().retryPolicy();
        int number = job.attempt() + 1;
        store.markRunning(jobId, policy.maxAttempts(), node);
        store.appendLog(jobId, List.of((policy.maxAttempts() > 1
                ? "Attempt " + number + " of " + policy.maxAttempts() + " started on " : "Started on ") + node));
        return new Attempt(job, handler.get(), policy, number);
    }

    private Outcome failed(Attempt attempt, Throwable failure) {
        long jobId = attempt.job().id();
        String message = messageOf(failure);
        log.warn("Job {} ({}) failed in attempt {} of {}", jobId, attempt.job().type(), attempt.number(),
                attempt.policy().maxAttempts(), failure);
        if (attempt.number() < attempt.policy().maxAttempts()) {
            Instant next = clock.instant().plus(Backoff.beforeRetry(attempt.policy(), attempt.number(),
                    ThreadLocalRandom.current().nextDouble()));
            store.markRetryWait(jobId, message, next);
            store.appendLog(jobId, List.of("Attempt " + attempt.number() + " failed: " + message
                    + " — trying again at " + next + " (UTC)"));
            return new Outcome(next);
        }
        failFinally(attempt.job(), attempt.number(), message);
        return Outcome.done();
    }

    private void failFinally(JobSummary job, int attempts, String message) {
        if (store.finish(job.id(), JobState.FAILED, message)) {
            store.appendLog(job.id(), List.of("Failed: " + message));
            audit.record(new AuditEntry(SYSTEM, AuditAction.JOB_FAILED, "job",
                    String.valueOf(job.id()), null, Map.of("type", job.type(), "attempts", attempts)));
        }
    }

    private Outcome requeue(long jobId, String node, RunningJob context) {
        flushQuietly(context);
        store.requeue(jobId);
        store.appendLog(jobId, List.of("Stopped because " + node + " is shutting down; it will run again"));
        return new Outcome(clock.instant());
    }

    private static void flushQuietly(RunningJob context) {
        try {
            context.flush();
        } catch (RuntimeException e) {
            log.warn("Could not save the last progress of job {}", context.jobId(), e);
        }
    }

    static String messageOf(Throwable failure) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH - 1) + "…" : message;
    }
}
