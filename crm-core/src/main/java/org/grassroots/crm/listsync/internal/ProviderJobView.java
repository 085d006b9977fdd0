package org.grassroots.crm.listsync.internal;

import java.util.Map;

import org.grassroots.crm.plugin.api.jobs.JobContext;

/**
 * The job as a provider sees it during a push: never cancelled, because the engine handles a cancel between batches
 * (it stops taking new ones and lets the ones in flight finish, so each sent batch is also recorded).
 */
record ProviderJobView(JobContext job) implements JobContext {

    @Override
    public long jobId() {
        return job.jobId();
    }

    @Override
    public String requestedBy() {
        return job.requestedBy();
    }

    @Override
    public int attempt() {
        return job.attempt();
    }

    @Override
    public Map<String, String> parameters() {
        return job.parameters();
    }

    @Override
    public void progress(long done, long total) {
        // the engine reports progress in members, across batches
    }

    @Override
    public void count(String counter, long delta) {
        job.count(counter, delta);
    }

    @Override
    public void log(String message) {
        job.log(message);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
