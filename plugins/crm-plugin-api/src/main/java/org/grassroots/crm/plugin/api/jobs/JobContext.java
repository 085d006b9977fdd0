package org.grassroots.crm.plugin.api.jobs;

import java.util.Map;

/**
 * Port: the running background job a plugin works inside. The host persists everything reported here in the job
 * record, which staff watch live on the Jobs screen; a plugin reports often and cheaply, the host writes at most a
 * few times a second.
 *
 * <p>Long loops must call {@link #checkCancelled()} (or test {@link #isCancelled()}) every few thousand rows or every
 * remote call, so a cancel from the screen stops the work within a second or two.
 */
public interface JobContext {

    /** The persisted job's id, as shown on the Jobs screen. */
    long jobId();

    /** The name of the user who started the job, or {@code system} for a scheduled run. */
    String requestedBy();

    /** 1 for the first attempt, 2 for the first retry, and so on. */
    int attempt();

    /** The parameters the job was submitted with (for example a file name or a list id). */
    Map<String, String> parameters();

    /**
     * Reports progress: {@code done} units of {@code total}. Pass a negative total while the total is not known;
     * the progress bar then shows activity without a percentage.
     */
    void progress(long done, long total);

    /**
     * Adds {@code delta} to the named counter (for example {@code sent}, {@code failed}, {@code pulled back}); the
     * counters are the job's result table. Names are shown as they are given.
     */
    void count(String counter, long delta);

    /** A line for the job's log, shown to staff on the job's page; never put personal data or secrets in it. */
    void log(String message);

    /** Whether someone asked to cancel this job. */
    boolean isCancelled();

    /**
     * Stops the job if someone asked to cancel it.
     *
     * @throws JobCancelledException when the job was cancelled; let it propagate
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException();
        }
    }
}
