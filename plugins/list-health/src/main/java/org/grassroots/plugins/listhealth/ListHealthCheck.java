package org.grassroots.plugins.listhealth;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.jobs.ScheduledTask;
import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.grassroots.crm.plugin.api.storage.PluginStorage;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.grassroots.crm.plugin.api.supporters.SupporterDirectory;
import org.jspecify.annotations.Nullable;
import org.pf4j.Extension;

/**
 * Counts the list by subscription status, compares with the previous run, and raises an alert when the share of
 * bouncing addresses passes the configured threshold. The counts are the job's result on the Jobs screen; the latest
 * snapshot is kept in the plugin's storage for the next comparison.
 */
@Extension
public class ListHealthCheck implements ScheduledTask {

    static final String SNAPSHOT_KEY = "snapshot/latest";

    private final SupporterDirectory supporters;
    private final PluginStorage storage;
    private final PluginSettings settings;

    public ListHealthCheck(SupporterDirectory supporters, PluginStorage storage, PluginSettings settings) {
        this.supporters = supporters;
        this.storage = storage;
        this.settings = settings;
    }

    @Override
    public String id() {
        return "weekly-check";
    }

    @Override
    public String displayName() {
        return "List health check";
    }

    @Override
    public @Nullable String defaultCron() {
        return ListHealthSettings.DEFAULT_SCHEDULE;
    }

    @Override
    public @Nullable String cronSettingKey() {
        return ListHealthSettings.SCHEDULE;
    }

    @Override
    public void run(JobContext job) {
        EmailStatus[] statuses = {EmailStatus.SUBSCRIBED, EmailStatus.NOT_SUBSCRIBED, EmailStatus.UNSUBSCRIBED,
                EmailStatus.BOUNCING, EmailStatus.SPAM_COMPLAINT};
        Map<EmailStatus, Long> counts = new EnumMap<>(EmailStatus.class);
        for (int i = 0; i < statuses.length; i++) {
            job.checkCancelled();
            long count = supporters.count(new Segment(Set.of(), Set.of(), null, Set.of(statuses[i])));
            counts.put(statuses[i], count);
            job.count(label(statuses[i]), count);
            job.progress(i + 1, statuses.length);
        }
        Snapshot current = new Snapshot(Instant.now(), counts);
        storage.get(SNAPSHOT_KEY).map(Snapshot::parse).ifPresent(previous -> job.log(current.changeSince(previous)));
        storage.put(SNAPSHOT_KEY, current.format());

        long withAddress = counts.values().stream().mapToLong(Long::longValue).sum();
        int threshold = settings.getInt(ListHealthSettings.BOUNCE_ALERT_PERCENT,
                ListHealthSettings.DEFAULT_BOUNCE_ALERT_PERCENT);
        long bouncing = counts.get(EmailStatus.BOUNCING);
        if (withAddress > 0 && bouncing * 100 > threshold * withAddress) {
            job.count("alerts", 1);
            job.log("Alert: %.1f%% of addresses are bouncing (threshold %d%%). Clean the list before the next send."
                    .formatted(bouncing * 100.0 / withAddress, threshold));
        }
    }

    static String label(EmailStatus status) {
        return switch (status) {
            case SUBSCRIBED -> "subscribed";
            case NOT_SUBSCRIBED -> "not subscribed";
            case UNSUBSCRIBED -> "unsubscribed";
            case BOUNCING -> "bouncing";
            case SPAM_COMPLAINT -> "spam complaints";
            case ERASED -> "erased";
        };
    }
}
