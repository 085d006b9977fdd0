package org.grassroots.crm.reports.internal;

import java.util.Map;

import org.grassroots.crm.jobs.JobHandler;
import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.reports.StatsRefreshStatus;
import org.springframework.stereotype.Component;

/** The {@code stats-refresh} background job: rebuilds the report statistics. Not retried; the next tick runs again. */
@Component
public class StatsRefreshJob implements JobHandler {

    public static final String TYPE = "stats-refresh";

    private final StatsRebuild rebuild;

    StatsRefreshJob(StatsRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** The request that queues one refresh. */
    public static JobRequest request() {
        return new JobRequest(TYPE, "Refresh report statistics", Map.of());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext job) {
        StatsRefreshStatus status = rebuild.rebuild();
        job.log(String.format("Report statistics rebuilt for %,d people in %,d ms", status.people(),
                status.took().toMillis()));
    }
}
