package org.grassroots.crm.reports;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.reports.internal.StatsRebuild;
import org.grassroots.crm.reports.internal.StatsRefreshJob;
import org.grassroots.crm.security.Role;
import org.springframework.stereotype.Service;

/**
 * How fresh the report figures are, and a way to refresh them now. The statistics are rebuilt by the background job
 * {@value StatsRefreshJob#TYPE} every 15 minutes ({@code crm.stats.refresh-cron}), at startup when there are none,
 * and on demand.
 */
@Service
public class StatsRefreshService {

    private final StatsRebuild rebuild;
    private final JobService jobs;

    StatsRefreshService(StatsRebuild rebuild, JobService jobs) {
        this.rebuild = rebuild;
        this.jobs = jobs;
    }

    /** The last completed refresh: reports show the data as of its {@code refreshedAt}. Empty before the first. */
    public Optional<StatsRefreshStatus> lastRefresh() {
        return rebuild.lastRefresh();
    }

    /**
     * Queues a refresh as a background job and returns the job's id (watch it on the Jobs screen). Admins and
     * organizers only: a full rebuild takes about a minute at 1.2M supporters, and the schedule keeps the figures
     * fresh for everyone else.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME})
    public long refreshNow() {
        return jobs.submit(StatsRefreshJob.request());
    }
}
