package org.grassroots.crm.jobs.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The two db-scheduler tasks everything runs on: {@value #RUN_JOB} (instance id = job id) runs one attempt of a
 * job, and {@value #SCHEDULE_TICK} (instance id = schedule id) submits a schedule's job and moves on to its next
 * tick. Neither carries data; the rows in {@code job} and {@code job_schedule} say what to do.
 */
@Component
class JobTasks {

    static final String RUN_JOB = "crm-job";
    static final String SCHEDULE_TICK = "crm-schedule";
    /** When our own bookkeeping fails (the database is away), try again after this, doubling up to ten minutes. */
    static final Duration INFRASTRUCTURE_RETRY = Duration.ofSeconds(10);

    private final CustomTask<Void> runJob;
    private final CustomTask<Void> scheduleTick;

    JobTasks(ObjectProvider<JobRunner> runner, ObjectProvider<ScheduleTicker> ticker, Clock clock) {
        FailureHandler<Void> retryLater = (complete, operations) -> operations.reschedule(complete,
                clock.instant().plus(infrastructureDelay(complete)));
        runJob = Tasks.custom(RUN_JOB, Void.class)
                .onFailure(retryLater)
                // an instance died while running it: run it again, and the runner counts a new attempt
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> {
                    JobRunner.Outcome outcome = runner.getObject().run(Long.parseLong(instance.getId()),
                            context.getExecution().pickedBy, () -> context.getSchedulerState().isShuttingDown());
                    return (complete, operations) -> rescheduleOrRemove(complete, operations,
                            Optional.ofNullable(outcome.runAgainAt()));
                });
        scheduleTick = Tasks.custom(SCHEDULE_TICK, Void.class)
                .onFailure(retryLater)
                // a tick whose instance died is not replayed: the schedule carries on from its next tick
                .onDeadExecution((complete, operations) -> rescheduleOrRemove(complete, operations,
                        ticker.getObject().nextTick(complete.getExecution().getId())))
                .execute((instance, context) -> {
                    Optional<Instant> next = ticker.getObject().tick(instance.getId(),
                            context.getExecution().getExecutionTime());
                    return (complete, operations) -> rescheduleOrRemove(complete, operations, next);
                });
    }

    List<Task<?>> all() {
        return List.of(runJob, scheduleTick);
    }

    private static void rescheduleOrRemove(ExecutionComplete complete, ExecutionOperations<Void> operations,
            Optional<Instant> next) {
        next.ifPresentOrElse(at -> operations.reschedule(complete, at), operations::remove);
    }

    private static Duration infrastructureDelay(ExecutionComplete complete) {
        int failures = Math.min(complete.getExecution().consecutiveFailures, 6);
        return INFRASTRUCTURE_RETRY.multipliedBy(1L << failures);
    }
}
