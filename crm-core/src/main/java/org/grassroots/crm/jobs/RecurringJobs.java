package org.grassroots.crm.jobs;

/**
 * Cron schedules that submit a job at each tick. Schedules are stored in PostgreSQL and shared by every instance on
 * the database: each tick submits exactly one job cluster-wide, and a tick is skipped while the previous run of the
 * same schedule is still queued or running.
 */
public interface RecurringJobs {

    /**
     * Creates or replaces a schedule.
     *
     * @param scheduleId stable id, for example {@code plugin:email-list-sync:nightly-sync}
     * @param cron       six-field Spring cron expression, evaluated in UTC
     * @param request    the job each tick submits, with requester {@code system}
     * @throws IllegalArgumentException naming the expression when {@code cron} is not valid
     */
    void schedule(String scheduleId, String cron, JobRequest request);

    /** Removes a schedule; a job it already submitted keeps running. Nothing happens if there is no such schedule. */
    void unschedule(String scheduleId);
}
