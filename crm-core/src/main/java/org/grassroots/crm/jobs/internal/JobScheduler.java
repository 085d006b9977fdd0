package org.grassroots.crm.jobs.internal;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's db-scheduler: built from the application's data source, started with the application context
 * (unless {@code crm.jobs.enabled=false}) and stopped gracefully before the data source closes: running jobs get
 * {@code crm.jobs.shutdown-max-wait} to finish, and a job that checks for cancellation is queued again.
 */
@Component
public class JobScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final DataSource dataSource;
    private final JobTasks tasks;
    private final JobsProperties properties;
    private volatile Scheduler scheduler;

    JobScheduler(JobsDataSource dataSource, JobTasks tasks, JobsProperties properties) {
        this.dataSource = dataSource.get();
        this.tasks = tasks;
        this.properties = properties;
    }

    /**
     * A scheduler over the shared tables under the given instance name; not started. The application has one; a
     * test builds a second to act as another instance on the same database.
     */
    public Scheduler newScheduler(String name) {
        return Scheduler.create(dataSource, tasks.all())
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(properties.heartbeatInterval())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .commitWhenAutocommitDisabled(false)
                .failureLogging(LogLevel.WARN, true)
                .build();
    }

    /** Looks for due executions now rather than at the next poll, after a job was submitted on this instance. */
    void checkNow() {
        Scheduler current = scheduler;
        if (current != null) {
            current.triggerCheckForDueExecutions();
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Background jobs are not run on this instance (crm.jobs.enabled=false)");
            return;
        }
        Scheduler started = newScheduler(properties.nodeName());
        started.start();
        scheduler = started;
        log.info("Background jobs run here as {} on {} threads, polling every {}", properties.nodeName(),
                properties.threads(), properties.pollingInterval());
    }

    @Override
    public void stop() {
        Scheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
