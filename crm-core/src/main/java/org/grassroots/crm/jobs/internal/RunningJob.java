package org.grassroots.crm.jobs.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.grassroots.crm.plugin.api.jobs.JobContext;

/**
 * The {@link JobContext} of one attempt. Reports are kept in memory and written at most every
 * {@link #WRITE_INTERVAL_NANOS} (about four writes a second, however often a handler reports), and always at the
 * end; the cancel flag is read from the database at most every {@link #CANCEL_CHECK_INTERVAL_NANOS}. A stopping
 * instance also reads as cancelled, so a handler that checks unwinds in time to be queued again.
 */
final class RunningJob implements JobContext {

    static final long WRITE_INTERVAL_NANOS = 250_000_000L;
    static final long CANCEL_CHECK_INTERVAL_NANOS = 500_000_000L;
    /** Counters beyond this many are refused, to keep the job row small. */
    static final int MAX_COUNTERS = 50;

    private final long jobId;
    private final String requestedBy;
    private final int attempt;
    private final Map<String, String> parameters;
    private final Reports store;
    private final BooleanSupplier shuttingDown;
    private final LongSupplier nanoTime;

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> pendingLines = new ArrayList<>();
    private long done;
    private long total = -1;
    private boolean dirty;
    private long lastWrite;
    private long lastCancelCheck;
    private boolean cancelRequested;

    /** Where reports go: {@link JobStore} in the application. */
    interface Reports {
        void saveProgress(long jobId, long done, long total, String countsJson, List<String> newLogLines);

        boolean isCancelRequested(long jobId);
    }

    RunningJob(long jobId, String requestedBy, int attempt, Map<String, String> parameters, Reports store,
            BooleanSupplier shuttingDown, LongSupplier nanoTime) {
        this.jobId = jobId;
        this.requestedBy = requestedBy;
        this.attempt = attempt;
        this.parameters = Map.copyOf(parameters);
        this.store = store;
        this.shuttingDown = shuttingDown;
        this.nanoTime = nanoTime;
        this.lastWrite = nanoTime.getAsLong() - WRITE_INTERVAL_NANOS;
        this.lastCancelCheck = nanoTime.getAsLong() - CANCEL_CHECK_INTERVAL_NANOS;
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
        this.done = done;
        this.total = total < 0 ? -1 : total;
        changed();
    }

    @Override
    public synchronized void count(String counter, long delta) {
        if (counter == null || counter.isBlank()) {
            throw new IllegalArgumentException("A counter needs a name");
        }
        if (!counts.containsKey(counter) && counts.size() >= MAX_COUNTERS) {
            throw new IllegalArgumentException("A job may keep at most " + MAX_COUNTERS + " counters; '" + counter
                    + "' would be one more");
        }
        counts.merge(counter, delta, Long::sum);
        changed();
    }

    @Override
    public synchronized void log(String message) {
        pendingLines.add(message == null ? "" : message);
        if (pendingLines.size() > JobStore.LOG_LINES_KEPT) {
            pendingLines.removeFirst();
        }
        changed();
    }

    @Override
    public synchronized boolean isCancelled() {
        if (shuttingDown.getAsBoolean()) {
            return true;
        }
        long now = nanoTime.getAsLong();
        if (!cancelRequested && now - lastCancelCheck >= CANCEL_CHECK_INTERVAL_NANOS) {
            lastCancelCheck = now;
            cancelRequested = store.isCancelRequested(jobId);
        }
        return cancelRequested;
    }

    /** Writes whatever was reported and not yet written. */
    synchronized void flush() {
        if (dirty) {
            write(nanoTime.getAsLong());
        }
    }

    synchronized long done() {
        return done;
    }

    synchronized long total() {
        return total;
    }

    private void changed() {
        dirty = true;
        long now = nanoTime.getAsLong();
        if (now - lastWrite >= WRITE_INTERVAL_NANOS) {
            write(now);
        }
    }

    private void write(long now) {
        store.saveProgress(jobId, done, total, JobJson.counts(counts), List.copyOf(pendingLines));
        pendingLines.clear();
        dirty = false;
        lastWrite = now;
    }
}
