package org.grassroots.crm.reports.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.grassroots.crm.demo.DemoDataLoaded;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.RecurringJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the statistics refresh on its schedule ({@code crm.stats.refresh-cron}, {@code -} for none) and queues a
 * refresh when demo data has been loaded, and at startup when there are no statistics yet (or a crash emptied the
 * unlogged tables) unless the demo data's refresh is already queued.
 */
@Component
class StatsSchedule {

    static final String SCHEDULE_ID = "stats-refresh";
    private static final Logger log = LoggerFactory.getLogger(StatsSchedule.class);

    private final ObjectProvider<RecurringJobs> recurringJobs;
    private final JobService jobs;
    private final JdbcClient jdbc;
    private final String cron;
    private final AtomicBoolean queued = new AtomicBoolean();

    StatsSchedule(ObjectProvider<RecurringJobs> recurringJobs, JobService jobs, JdbcClient jdbc,
            @Value("${crm.stats.refresh-cron:0 */15 * * * *}") String cron) {
        this.recurringJobs = recurringJobs;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.cron = cron.trim();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        RecurringJobs schedules = recurringJobs.getIfAvailable();
        if (schedules != null) {
            if ("-".equals(cron)) {
                schedules.unschedule(SCHEDULE_ID);
            } else {
                schedules.schedule(SCHEDULE_ID, cron, StatsRefreshJob.request());
            }
        }
        if (!queued.get() && missing()) {
            long id = jobs.submit(StatsRefreshJob.request());
            log.info("No report statistics yet: refresh queued as job #{}", id);
        }
    }

    /** Demo data is loaded before the application is ready, so this comes before {@link #started()}. */
    @EventListener
    void demoDataLoaded(DemoDataLoaded loaded) {
        long id = jobs.submit(StatsRefreshJob.request());
        queued.set(true);
        log.info("Demo data loaded ({} supporters): report statistics refresh queued as job #{}", loaded.supporters(),
                id);
    }

    /** No refresh ever ran, or one did for a non-empty database and its unlogged tables are empty now. */
    private boolean missing() {
        return jdbc.sql("""
                SELECT NOT EXISTS (SELECT 1 FROM stats_refresh)
                    OR (EXISTS (SELECT 1 FROM stats_refresh WHERE people > 0)
                        AND NOT EXISTS (SELECT 1 FROM stats_person))
                """).query(Boolean.class).single();
    }
}
