package org.grassroots.crm.jobs;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One cron schedule as an admin screen lists it.
 *
 * @param lastJobId    the job its latest tick submitted, or null
 * @param lastJobState that job's state, or null
 * @param nextRunAt    the next tick (UTC), or null while the schedule is switched off
 */
public record JobScheduleInfo(
        String scheduleId,
        String cron,
        String jobType,
        String jobTitle,
        Map<String, String> jobParameters,
        boolean enabled,
        @Nullable Long lastJobId,
        @Nullable JobState lastJobState,
        @Nullable Instant nextRunAt) {

    public JobScheduleInfo {
        jobParameters = Map.copyOf(jobParameters);
    }
}
