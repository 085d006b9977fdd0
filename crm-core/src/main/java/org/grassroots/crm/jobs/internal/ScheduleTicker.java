package org.grassroots.crm.jobs.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One tick of a schedule, run by whichever instance holds the tick's db-scheduler execution. It submits the
 * schedule's job unless an earlier run of it is still active, and remembers the tick, so a tick that is replayed
 * (its instance died after committing) never submits a second job. The next tick comes from the stored cron, counted
 * from now: ticks missed while no instance ran are not made up.
 */
@Component
class ScheduleTicker {

    private static final Logger log = LoggerFactory.getLogger(ScheduleTicker.class);

    private final ScheduleStore schedules;
    private final JobStore jobs;
    private final JobSubmitter submitter;
    private final Clock clock;

    ScheduleTicker(ScheduleStore schedules, JobStore jobs, JobSubmitter submitter, Clock clock) {
        this.schedules = schedules;
        this.jobs = jobs;
        this.submitter = submitter;
        this.clock = clock;
    }

    /** Handles the tick due at {@code tickAt}; the next tick, or empty when the schedule is gone or switched off. */
    @Transactional
    public Optional<Instant> tick(String scheduleId, Instant tickAt) {
        ScheduleRow schedule = schedules.lock(scheduleId).orElse(null);
        if (schedule == null || !schedule.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Instant> next = CronTimes.next(CronTimes.parse(schedule.cron()), now.isAfter(tickAt) ? now : tickAt);
        Long lastJobId = schedule.lastJobId();
        Instant lastTick = schedule.lastTickAt();
        if (lastTick != null && !tickAt.isAfter(lastTick)) {
            log.debug("Schedule {}: tick {} was handled already", scheduleId, tickAt);
        } else if (jobs.hasActiveJob(scheduleId)) {
            log.info("Schedule {}: tick {} skipped, the previous run is still going", scheduleId, tickAt);
            lastTick = tickAt;
        } else {
            lastJobId = submitter.submit(schedule.request(), JobRunner.SYSTEM, scheduleId, tickAt);
            lastTick = tickAt;
        }
        schedules.ticked(scheduleId, lastJobId, lastTick, next.orElse(null));
        return next;
    }

    /** The schedule's next tick from now, for a tick whose instance died; empty when it is gone or off. */
    @Transactional
    public Optional<Instant> nextTick(String scheduleId) {
        return schedules.lock(scheduleId).filter(ScheduleRow::enabled).flatMap(schedule -> {
            Optional<Instant> next = CronTimes.next(CronTimes.parse(schedule.cron()), clock.instant());
            schedules.setNextRun(scheduleId, next.orElse(null));
            return next;
        });
    }
}
