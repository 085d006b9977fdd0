package org.grassroots.crm.plugin.api.jobs;

import org.grassroots.crm.plugin.api.CrmExtension;
import org.jspecify.annotations.Nullable;

/**
 * Extension point: work a plugin wants run on a schedule, such as a nightly list sync. Each tick becomes a job
 * record on the Jobs screen. However many CRM instances share the database, each tick runs on exactly one of them.
 *
 * <p>The schedule is {@link #defaultCron()} unless the plugin's settings hold a cron under {@link #cronSettingKey()}.
 * A tick that comes while the previous run is still going is skipped, not queued.
 */
public interface ScheduledTask extends CrmExtension {

    /**
     * The schedule used when the settings do not override it: a six-field cron expression
     * ({@code second minute hour day month weekday}, server time zone UTC), or {@code null} for "only when started
     * by hand or configured in settings".
     */
    @Nullable String defaultCron();

    /**
     * The key of a {@link org.grassroots.crm.plugin.api.settings.SettingType#CRON} setting that overrides
     * {@link #defaultCron()}, or {@code null} if the schedule cannot be changed by admins.
     */
    default @Nullable String cronSettingKey() {
        return null;
    }

    /** How a failed run is retried before the next tick. */
    default RetryPolicy retryPolicy() {
        return RetryPolicy.NONE;
    }

    /**
     * Does one run. Throwing marks the run failed (and retried per {@link #retryPolicy()}); returning marks it done.
     *
     * @param job progress, counters and cancellation for this run
     * @throws Exception anything that should fail the run; its message is shown to staff
     */
    void run(JobContext job) throws Exception;
}
