package org.grassroots.crm.jobs;

import java.time.Duration;

/** Waits for a background job to end, for tests and benchmarks that start one through a service. */
public final class JobAwait {

    private JobAwait() {
    }

    /**
     * Polls the job every 100 ms until it is no longer active.
     *
     * @throws AssertionError when it is still active after {@code within}
     */
    public static JobSummary ended(JobService jobs, long jobId, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JobSummary job = jobs.find(jobId).orElseThrow();
            if (!job.state().isActive()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " was still " + jobs.find(jobId).orElseThrow().state()
                + " after " + within);
    }
}
