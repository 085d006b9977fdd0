package org.grassroots.crm.jobs.internal;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Adds and removes db-scheduler executions: one per job run and one per schedule. Calls join the caller's
 * transaction (see {@link JobsDataSource}); works whether or not this instance runs jobs itself.
 */
@Component
public class JobExecutions {

    private final SchedulerClient client;
    private final JobScheduler scheduler;

    JobExecutions(JobsDataSource dataSource, JobTasks tasks, JobScheduler scheduler) {
        this.client = SchedulerClient.Builder.create(dataSource.get(), tasks.all()).build();
        this.scheduler = scheduler;
    }

    /** Runs the job as soon as an instance is free; this instance looks at once after the caller commits. */
    public void runSoon(long jobId, Instant now) {
        client.schedule(SchedulableInstance.of(new TaskInstance<Void>(JobTasks.RUN_JOB, String.valueOf(jobId)), now),
                ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        afterCommit(scheduler::checkNow);
    }

    /** Removes a job's pending run; false if there is none or an instance has just picked it up. */
    public boolean removeRun(long jobId) {
        return remove(TaskInstanceId.of(JobTasks.RUN_JOB, String.valueOf(jobId)));
    }

    /**
     * Sets the schedule's next tick, replacing an earlier one. While a tick of it is running, that tick picks its
     * successor from the stored cron when it ends, so nothing needs doing here.
     */
    public void tickAt(String scheduleId, Instant at) {
        try {
            client.schedule(SchedulableInstance.of(new TaskInstance<Void>(JobTasks.SCHEDULE_TICK, scheduleId), at),
                    ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException running) {
            // see above
        }
    }

    public boolean hasTick(String scheduleId) {
        return client.getScheduledExecution(TaskInstanceId.of(JobTasks.SCHEDULE_TICK, scheduleId)).isPresent();
    }

    public boolean removeTick(String scheduleId) {
        return remove(TaskInstanceId.of(JobTasks.SCHEDULE_TICK, scheduleId));
    }

    private boolean remove(TaskInstanceId id) {
        try {
            client.cancel(id);
            return true;
        } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
            return false;
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
