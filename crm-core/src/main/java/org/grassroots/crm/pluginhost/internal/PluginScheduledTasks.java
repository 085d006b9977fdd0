package org.grassroots.crm.pluginhost.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.crm.jobs.JobHandler;
import org.grassroots.crm.jobs.JobHandlerSource;
import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.RecurringJobs;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.jobs.RetryPolicy;
import org.grassroots.crm.plugin.api.jobs.ScheduledTask;
import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Plugins' {@link ScheduledTask}s as recurring jobs. When a plugin starts, each task with a cron (the plugin's
 * setting under {@link ScheduledTask#cronSettingKey()}, else {@link ScheduledTask#defaultCron()}) is scheduled as
 * {@code plugin:<plugin id>:<task id>}; when an admin stops the plugin, or it fails, the schedules are removed (an
 * application shutdown leaves them, since they are shared by every instance). Each tick's job runs
 * {@link ScheduledTask#run} through the fault barrier without a time box.
 */
@Component
public class PluginScheduledTasks implements PluginRunListener, JobHandlerSource {

    static final String PREFIX = "plugin:";
    private static final Logger log = LoggerFactory.getLogger(PluginScheduledTasks.class);

    private final ObjectProvider<RecurringJobs> recurringJobs;
    private final ObjectProvider<PluginPortSource<?>> portSources;
    private final ObjectProvider<PluginCalls> calls;
    private final ObjectProvider<PluginHost> host;
    private final Map<String, Set<String>> scheduled = new ConcurrentHashMap<>();

    PluginScheduledTasks(ObjectProvider<RecurringJobs> recurringJobs, ObjectProvider<PluginPortSource<?>> portSources,
            ObjectProvider<PluginCalls> calls, ObjectProvider<PluginHost> host) {
        this.recurringJobs = recurringJobs;
        this.portSources = portSources;
        this.calls = calls;
        this.host = host;
    }

    /** The job type a plugin's scheduled task runs under: {@code plugin:<plugin id>:<task id>}. */
    public static String jobType(String pluginId, String taskId) {
        return PREFIX + pluginId + ":" + taskId;
    }

    @Override
    public void started(LivePlugin plugin) {
        RecurringJobs jobs = recurringJobs.getIfAvailable();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        // registered first, so that if a call below fails the plugin, the schedules made so far are removed
        scheduled.put(plugin.pluginId(), ids);
        for (LivePlugin.LiveExtension extension : plugin.extensions()) {
            if (!(extension.instance() instanceof ScheduledTask task)) {
                continue;
            }
            String cron = cronOf(plugin, task);
            if (cron == null) {
                continue;
            }
            if (jobs == null) {
                log.warn("Plugin {}: task {} is not scheduled, because no job scheduler is running",
                        plugin.pluginId(), extension.id());
                continue;
            }
            String type = jobType(plugin.pluginId(), extension.id());
            try {
                jobs.schedule(type, cron, new JobRequest(type, extension.displayName(), Map.of()));
                ids.add(type);
            } catch (IllegalArgumentException e) {
                log.warn("Plugin {}: task {} is not scheduled: {}", plugin.pluginId(), extension.id(), e.getMessage());
            }
        }
    }

    @Override
    public void stopped(String pluginId, StopCause cause) {
        Set<String> ids = scheduled.remove(pluginId);
        RecurringJobs jobs = recurringJobs.getIfAvailable();
        if (ids != null && jobs != null && cause != StopCause.SHUTDOWN) {
            ids.forEach(jobs::unschedule);
        }
    }

    @Override
    public Optional<JobHandler> handlerFor(String type) {
        if (!type.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = type.substring(PREFIX.length()).split(":", 2);
        if (parts.length != 2) {
            return Optional.empty();
        }
        PluginCalls barrier = calls.getObject();
        return barrier.extension(ScheduledTask.class, parts[0], parts[1])
                .map(task -> new PluginTaskHandler(type, task.pluginId(), barrier, task.extension()));
    }

    /** The cron a task runs on: the admin's setting when the task names one and it is set, else its default. */
    private @Nullable String cronOf(LivePlugin plugin, ScheduledTask task) {
        PluginCalls barrier = calls.getObject();
        String settingKey = barrier.call(plugin.pluginId(), task, "cronSettingKey", ScheduledTask::cronSettingKey);
        if (settingKey != null) {
            Optional<String> configured = settings(plugin).flatMap(settings -> settings.get(settingKey))
                    .filter(value -> !value.isBlank());
            if (configured.isPresent()) {
                return configured.get().trim();
            }
        }
        String defaultCron = barrier.call(plugin.pluginId(), task, "defaultCron", ScheduledTask::defaultCron);
        return defaultCron == null || defaultCron.isBlank() ? null : defaultCron.trim();
    }

    private Optional<PluginSettings> settings(LivePlugin plugin) {
        List<PluginPortSource<?>> sources = portSources.orderedStream()
                .filter(source -> source.portType() == PluginSettings.class).toList();
        return sources.stream().findFirst().map(source -> (PluginSettings) source
                .forPlugin(host.getObject().scope(plugin.pluginId(), plugin.classLoader())));
    }

    /** Runs one tick of a plugin task; looked up afresh for each job, so it never outlives its plugin's start. */
    private record PluginTaskHandler(String type, String pluginId, PluginCalls calls, ScheduledTask task)
            implements JobHandler {

        @Override
        public RetryPolicy retryPolicy() {
            return calls.call(pluginId, task, "retryPolicy", ScheduledTask::retryPolicy);
        }

        @Override
        public void run(JobContext job) throws Exception {
            calls.callInJob(pluginId, task, "run", scheduledTask -> {
                scheduledTask.run(job);
                return null;
            });
        }
    }
}
