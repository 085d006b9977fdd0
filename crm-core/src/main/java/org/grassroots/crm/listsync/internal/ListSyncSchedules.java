package org.grassroots.crm.listsync.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.RecurringJobs;
import org.grassroots.crm.pluginhost.PluginRunChanged;
import org.grassroots.crm.pluginhost.PluginSettingsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Each list whose provider names a {@code syncCron()} runs on a recurring schedule {@code list-sync:<list key>}.
 * Schedules are refreshed when a plugin starts, when an admin saves its settings, and removed when an admin stops
 * it or it fails (an application shutdown leaves them: every instance shares them).
 */
@Component
class ListSyncSchedules {

    static final String PREFIX = "list-sync:";
    private static final Logger log = LoggerFactory.getLogger(ListSyncSchedules.class);

    private final EmailListProviders lists;
    private final ObjectProvider<RecurringJobs> recurringJobs;
    private final Map<String, Set<String>> scheduled = new ConcurrentHashMap<>();

    ListSyncSchedules(EmailListProviders lists, ObjectProvider<RecurringJobs> recurringJobs) {
        this.lists = lists;
        this.recurringJobs = recurringJobs;
    }

    @EventListener
    void pluginRunChanged(PluginRunChanged event) {
        if (event.running()) {
            refresh(event.pluginId());
        } else {
            Set<String> ids = scheduled.remove(event.pluginId());
            RecurringJobs jobs = recurringJobs.getIfAvailable();
            if (ids != null && jobs != null && !event.shutdown()) {
                ids.forEach(jobs::unschedule);
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void settingsChanged(PluginSettingsChanged event) {
        refresh(event.pluginId());
    }

    /** Schedules the plugin's lists that have a cron and unschedules the ones that no longer have one. */
    void refresh(String pluginId) {
        RecurringJobs jobs = recurringJobs.getIfAvailable();
        if (jobs == null) {
            return;
        }
        Set<String> ids = scheduled.computeIfAbsent(pluginId, id -> ConcurrentHashMap.newKeySet());
        for (ListProvider list : lists.started()) {
            if (!list.pluginId().equals(pluginId)) {
                continue;
            }
            String id = PREFIX + list.key();
            try {
                String cron = list.syncCron();
                if (cron == null) {
                    jobs.unschedule(id);
                    ids.remove(id);
                } else {
                    jobs.schedule(id, cron, new JobRequest(ListSyncJob.TYPE, "Scheduled sync: " + list.displayName()
                            + " (" + list.key() + ")", Map.of(ListSyncJob.LIST, list.key())));
                    ids.add(id);
                }
            } catch (RuntimeException e) {
                log.warn("List {} is not scheduled: {}", list.key(), e.getMessage());
            }
        }
    }
}
