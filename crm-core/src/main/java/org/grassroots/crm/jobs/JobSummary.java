package org.grassroots.crm.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A job as the Jobs screen shows it.
 *
 * @param progressTotal  units of work in all, or a negative number while that is not known
 * @param counts         the job's counters in the order they were first counted
 * @param attempt        the attempt now running or last run (0 before the first)
 * @param scheduleId     the schedule whose tick submitted it, or null
 * @param scheduledFor   that tick's time, or null
 * @param nextAttemptAt  when a job waiting to retry runs again, else null
 * @param node           the instance ({@code host:pid}) that ran the latest attempt
 */
public record JobSummary(
        long id,
        String type,
        String title,
        Map<String, String> parameters,
        String requestedBy,
        JobState state,
        long progressDone,
        long progressTotal,
        List<JobCount> counts,
        @Nullable String error,
        int attempt,
        int maxAttempts,
        boolean cancelRequested,
        @Nullable String scheduleId,
        @Nullable Instant scheduledFor,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Instant nextAttemptAt,
        @Nullable String node) {

    public JobSummary {
        parameters = Map.copyOf(parameters);
        counts = List.copyOf(counts);
    }

    /** Whether the total is known, so progress can be shown as a fraction. */
    public boolean hasKnownTotal() {
        return progressTotal >= 0;
    }

    /** From the first start to the end, or to {@code now} while the job is still going; null before it starts. */
    public @Nullable Duration duration(Instant now) {
        if (startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt != null ? finishedAt : now);
    }
}
