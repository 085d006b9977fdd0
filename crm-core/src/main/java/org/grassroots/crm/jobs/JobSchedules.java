package org.grassroots.crm.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.internal.CronTimes;
import org.grassroots.crm.jobs.internal.JobExecutions;
import org.grassroots.crm.jobs.internal.JobSubmitter;
import org.grassroots.crm.jobs.internal.ScheduleRow;
import org.grassroots.crm.jobs.internal.ScheduleStore;
import org.grassroots.crm.security.Role;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link RecurringJobs} of every instance: schedules live in {@code job_schedule}, and each has one db-scheduler
 * execution that fires at its next tick on exactly one instance. Features and the plugin host call
 * {@link #schedule} and {@link #unschedule} at start-up (as the system, no user needed); admins list schedules and
 * switch them off and on. Calling {@code schedule} again with the same cron changes nothing, so every instance may
 * call it at every start.
 */
@Service
public class JobSchedules implements RecurringJobs {

    private final ScheduleStore schedules;
    private final JobExecutions executions;
    private final AuditLog audit;
    private final Clock clock;

    JobSchedules(ScheduleStore schedules, JobExecutions executions, AuditLog audit, Clock clock) {
        this.schedules = schedules;
        this.executions = executions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void schedule(String scheduleId, String cron, JobRequest request) {
        if (scheduleId == null || scheduleId.isBlank() || scheduleId.length() > 200) {
            throw new IllegalArgumentException("A schedule needs an id of 1 to 200 characters.");
        }
        CronExpression expression = CronTimes.parse(cron);
        JobSubmitter.validate(request);
        Optional<ScheduleRow> before = schedules.lock(scheduleId);
        schedules.upsert(scheduleId, cron.trim(), request);
        boolean enabled = before.map(ScheduleRow::enabled).orElse(true);
        boolean cronChanged = before.map(row -> !row.cron().equals(cron.trim())).orElse(true);
        if (enabled && (cronChanged || !executions.hasTick(scheduleId))) {
            Instant next = CronTimes.next(expression, clock.instant()).orElseThrow();
            executions.tickAt(scheduleId, next);
            schedules.setNextRun(scheduleId, next);
        }
    }

    @Override
    @Transactional
    public void unschedule(String scheduleId) {
        if (schedules.delete(scheduleId)) {
            executions.removeTick(scheduleId);
        }
    }

    /** Every schedule, by id, with the state of the job its latest tick submitted. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<JobScheduleInfo> list() {
        return schedules.all().stream().map(row -> new JobScheduleInfo(row.scheduleId(), row.cron(),
                row.request().type(), row.request().title(), row.request().parameters(), row.enabled(),
                row.lastJobId(), row.lastJobState(), row.nextRunAt())).toList();
    }

    /**
     * Switches a schedule off (no more ticks; a running job carries on) or back on (ticking from now). Kept when the
     * schedule's owner calls {@link #schedule} again.
     *
     * @throws InvalidInputException when there is no such schedule
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void setEnabled(String scheduleId, boolean enabled) {
        ScheduleRow row = schedules.lock(scheduleId)
                .orElseThrow(() -> new InvalidInputException("scheduleId", "No schedule '" + scheduleId + "'."));
        if (row.enabled() == enabled) {
            return;
        }
        Instant next = null;
        if (enabled) {
            next = CronTimes.next(CronTimes.parse(row.cron()), clock.instant()).orElseThrow();
            executions.tickAt(scheduleId, next);
        } else {
            executions.removeTick(scheduleId);
        }
        schedules.setEnabled(scheduleId, enabled, next);
        audit.record(AuditEntry.of(AuditAction.JOB_SCHEDULE_CHANGED, "job-schedule", scheduleId,
                Map.of("enabled", enabled, "cron", row.cron())));
    }
}
