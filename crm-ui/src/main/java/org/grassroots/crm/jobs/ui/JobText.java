package org.grassroots.crm.jobs.ui;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.jobs.JobSummary;

/** How the Jobs screen words a job: progress, counters, times, durations and its state badge. */
final class JobText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Log lines carry their time of day (UTC) to the second. */
    static final DateTimeFormatter TIME_OF_LINE = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.US)
            .withZone(ZoneOffset.UTC);

    private JobText() {
    }

    static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** "1,200 of 5,000", "1,200 done" while the total is unknown, empty before any progress. */
    static String progress(JobSummary job) {
        if (job.hasKnownTotal()) {
            return number(job.progressDone()) + " of " + number(job.progressTotal());
        }
        return job.progressDone() > 0 ? number(job.progressDone()) + " done" : "";
    }

    /** "sent 1,180 · failed 20" in the order the job counted them. */
    static String counts(JobSummary job) {
        return job.counts().stream().map(count -> count.name() + " " + number(count.value()))
                .collect(Collectors.joining(" · "));
    }

    /** The time of day (UTC) for today, else the day and time: "14:03:07", "Nov 3, 09:15". */
    static String time(Instant instant, Instant now) {
        if (instant == null) {
            return "";
        }
        boolean today = LocalDate.ofInstant(instant, ZoneOffset.UTC).equals(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return today ? TIME.format(instant) : DATE_TIME.format(instant);
    }

    /** {@link #time} with its zone, for places without a column header that says it. */
    static String timeUtc(Instant instant, Instant now) {
        return instant == null ? "" : time(instant, now) + " UTC";
    }

    /** "42 s", "3 min 05 s", "2 h 10 min". */
    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return "%d min %02d s".formatted(seconds / 60, seconds % 60);
        }
        return "%d h %02d min".formatted(seconds / 3600, seconds % 3600 / 60);
    }

    /** "Running", "Stopping…" once a cancel was asked for, "Waiting to retry" … */
    static String state(JobSummary job) {
        return job.state() == JobState.RUNNING && job.cancelRequested() ? "Stopping…" : job.state().label();
    }

    static Badge badge(JobSummary job) {
        Badge badge = new Badge(state(job));
        badge.addClassName("job-state");
        switch (job.state()) {
            case SUCCEEDED -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case FAILED -> badge.addThemeVariants(BadgeVariant.ERROR);
            case RETRY_WAIT -> badge.addThemeVariants(BadgeVariant.WARNING);
            case QUEUED, CANCELLED -> badge.addThemeVariants(BadgeVariant.CONTRAST);
            case RUNNING -> { }
        }
        return badge;
    }
}
