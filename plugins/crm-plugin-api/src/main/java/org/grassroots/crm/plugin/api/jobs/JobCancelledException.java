package org.grassroots.crm.plugin.api.jobs;

/**
 * Thrown by {@link JobContext#checkCancelled()} to unwind a cancelled job. The host records the job as cancelled,
 * not failed, and never retries it. Do not catch it, or catch and rethrow it.
 */
public class JobCancelledException extends RuntimeException {

    /** A cancellation with the standard message. */
    public JobCancelledException() {
        super("The job was cancelled");
    }
}
