package org.grassroots.crm.jobs;

import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.jobs.RetryPolicy;

/**
 * The code behind one type of background job. Core handlers are Spring beans; plugin handlers are resolved at run
 * time through a {@link JobHandlerSource}. A handler runs on whichever instance picks the job up, in a transaction of
 * its own choosing, signed in as nobody (the requesting user's name is in {@link JobContext#requestedBy()}).
 */
public interface JobHandler {

    /** The job type this handler runs, for example {@code demo-data} or {@code plugin:petition-import:import}. */
    String type();

    /** How a failure is retried; by default never. */
    default RetryPolicy retryPolicy() {
        return RetryPolicy.NONE;
    }

    /**
     * Runs one attempt. Returning marks the job succeeded; throwing {@link
     * org.grassroots.crm.plugin.api.jobs.JobCancelledException} marks it cancelled; any other exception fails the
     * attempt (retried per {@link #retryPolicy()}), with the exception's message shown to staff.
     */
    void run(JobContext job) throws Exception;
}
