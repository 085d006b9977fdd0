package org.grassroots.crm.jobs.internal;

import java.time.Instant;

import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.JobState;
import org.jspecify.annotations.Nullable;

/** A row of {@code job_schedule}, with the state of the job its latest tick submitted. */
public record ScheduleRow(
        String scheduleId,
        String cron,
        JobRequest request,
        boolean enabled,
        @Nullable Long lastJobId,
        @Nullable JobState lastJobState,
        @Nullable Instant lastTickAt,
        @Nullable Instant nextRunAt) {
}
