package org.grassroots.crm.plugin.api.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JobContext} that records what a job reports (progress, counters, log lines) for assertions, and can be
 * cancelled at once ({@link #cancel()}) or after the job has checked a number of times ({@link #cancelAfterChecks}),
 * to test that a long loop stops. Safe to use from several threads.
 */
public class RecordingJobContext implements JobContext {

    /** One {@link JobContext#progress} report. */
    public record Progress(long done, long total) {
    }

    private final long jobId;
    private final String requestedBy;
    private final int attempt;
    private final Map<String, String> parameters;
    private final List<Progress> progress = new ArrayList<>();
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private final List<String> logs = new ArrayList<>();
    private boolean cancelled;
    private long checksBeforeCancel = -1;
    private long checks;

    /** Job 1, first attempt, requested by {@code test}, without parameters. */
    public RecordingJobContext() {
        this(Map.of());
    }

    /** Job 1, first attempt, requested by {@code test}, with these parameters. */
    public RecordingJobContext(Map<String, String> parameters) {
        this(1, "test", 1, parameters);
    }

    /**
     * @param jobId       what {@link #jobId()} answers
     * @param requestedBy what {@link #requestedBy()} answers, for example {@code system} for a scheduled run
     * @param attempt     1 for a first attempt, 2 for the first retry …
     * @param parameters  what {@link #parameters()} answers
     */
    public RecordingJobContext(long jobId, String requestedBy, int attempt, Map<String, String> parameters) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1 (was " + attempt + ")");
        }
        this.jobId = jobId;
        this.requestedBy = requestedBy;
        this.attempt = attempt;
        this.parameters = Map.copyOf(parameters);
    }

    @Override
    public long jobId() {
        return jobId;
    }

    @Override
    public String requestedBy() {
        return requestedBy;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public synchronized void progress(long done, long total) {
        progress.add(new Progress(done, total));
    }

    @Override
    public synchronized void count(String counter, long delta) {
        counters.merge(counter, delta, Long::sum);
    }

    @Override
    public synchronized void log(String message) {
        logs.add(message);
    }

    @Override
    public synchronized boolean isCancelled() {
        checks++;
        if (checksBeforeCancel >= 0 && checks > checksBeforeCancel) {
            cancelled = true;
        }
        return cancelled;
    }

    /** Asks the job to stop, as staff would on the Jobs screen. */
    public synchronized RecordingJobContext cancel() {
        cancelled = true;
        return this;
    }

    /** Lets the job check {@code checks} times without being cancelled, then cancels it. */
    public synchronized RecordingJobContext cancelAfterChecks(long checks) {
        this.checksBeforeCancel = checks;
        return this;
    }

    /** How often the job asked whether it was cancelled (through {@link #isCancelled} or {@link #checkCancelled}). */
    public synchronized long cancellationChecks() {
        return checks;
    }

    /** Every progress report, in order. */
    public synchronized List<Progress> progressReports() {
        return List.copyOf(progress);
    }

    /** The last progress report, or {@code null} when there was none. */
    public synchronized @Nullable Progress lastProgress() {
        return progress.isEmpty() ? null : progress.getLast();
    }

    /** The counters, in the order they were first counted. */
    public synchronized Map<String, Long> counters() {
        return new LinkedHashMap<>(counters);
    }

    /** One counter's total; 0 when it was never counted. */
    public synchronized long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** Every log line, in order. */
    public synchronized List<String> logs() {
        return List.copyOf(logs);
    }
}
