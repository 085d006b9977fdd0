package org.grassroots.crm.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.grassroots.crm.jobs.JobHandler;
import org.grassroots.crm.jobs.JobHandlerSource;
import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.jobs.RetryPolicy;
import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginHostTestSupport;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.grassroots.crm.pluginhost.PluginStatus;
import org.grassroots.crm.pluginhost.TestPluginJars;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A plugin's scheduled tasks become recurring jobs while it runs (here against a recording {@link
 * org.grassroots.crm.jobs.RecurringJobs}; the jobs feature runs them for real), and each job runs the task through
 * the fault barrier with the task's retry policy.
 */
class PluginScheduledTasksTest extends PluginHostTestSupport {

    private static final String NIGHTLY = "plugin:tasks:nightly";

    @Autowired
    List<JobHandlerSource> handlerSources;

    @BeforeEach
    void installTasksPlugin() {
        upload(TestPluginJars.plugin("tasks")
                .source("Nightly", task("nightly", "Nightly sync", "\"0 0 3 * * *\"", "\"sync.cron\"", """
                        job.count("ran", 1);
                        String mode = job.parameters().getOrDefault("mode", "");
                        if (mode.equals("fail")) throw new IllegalStateException("remote down");
                        if (mode.equals("cancel")) throw new org.grassroots.crm.plugin.api.jobs.JobCancelledException();
                        if (mode.equals("break")) throw new NoSuchMethodError("gone");"""))
                .source("Manual", task("manual", "By hand", "null", "null", "job.count(\"manual\", 1);"))
                .source("Garbled", task("garbled", "Odd schedule", "\"at three\"", "null", ""))
                .writeJar(FILES));
        assertThat(plugin("tasks").status()).isEqualTo(PluginStatus.STARTED);
    }

    @Test
    void schedulesEachTaskWithACronWhileThePluginRuns() {
        assertThat(jobs.schedules).containsOnlyKeys(NIGHTLY);
        assertThat(jobs.schedules.get(NIGHTLY).cron()).isEqualTo("0 0 3 * * *");
        assertThat(jobs.schedules.get(NIGHTLY).request()).isEqualTo(new JobRequest(NIGHTLY, "Nightly sync", Map.of()));

        admin.disable("tasks");
        assertThat(jobs.schedules).isEmpty();
        assertThat(jobs.unscheduled).containsExactly(NIGHTLY);
        assertThat(handler(NIGHTLY)).isEmpty();

        jobs.unscheduled.clear();
        admin.enable("tasks");
        assertThat(jobs.schedules).containsOnlyKeys(NIGHTLY);

        restartHost();
        assertThat(jobs.unscheduled).as("a shutdown leaves the shared schedules alone").isEmpty();
        assertThat(jobs.schedules).containsOnlyKeys(NIGHTLY);

        admin.uninstall("tasks");
        assertThat(jobs.unscheduled).containsExactly(NIGHTLY);
    }

    @Test
    void aJobRunsTheTaskThroughTheBarrierWithItsRetryPolicy() throws Exception {
        JobHandler nightly = handler(NIGHTLY).orElseThrow();
        RecordingJob job = new RecordingJob(Map.of());

        nightly.run(job);

        assertThat(nightly.type()).isEqualTo(NIGHTLY);
        assertThat(nightly.retryPolicy()).isEqualTo(RetryPolicy.of(3, Duration.ofMinutes(1)));
        assertThat(job.counters).containsEntry("ran", 1L);
        assertThat(handler("plugin:tasks:manual")).as("a task without a schedule can still be run by hand")
                .isPresent();
        assertThat(handler("plugin:tasks:missing")).isEmpty();
        assertThat(handler("plugin:elsewhere:nightly")).isEmpty();
        assertThat(handler("demo-data")).isEmpty();
    }

    @Test
    void aFailedRunFailsTheJobNotThePluginButAnErrorFailsThePlugin() {
        JobHandler nightly = handler(NIGHTLY).orElseThrow();

        assertThatThrownBy(() -> nightly.run(new RecordingJob(Map.of("mode", "fail"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("remote down");
        assertThatThrownBy(() -> nightly.run(new RecordingJob(Map.of("mode", "cancel"))))
                .isInstanceOf(JobCancelledException.class);
        assertThat(plugin("tasks").status()).isEqualTo(PluginStatus.STARTED);

        assertThatThrownBy(() -> nightly.run(new RecordingJob(Map.of("mode", "break"))))
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessage("Plugin 'tasks' failed: extension 'nightly' threw NoSuchMethodError: gone (run)");
        assertThat(plugin("tasks").status()).isEqualTo(PluginStatus.FAILED);
        assertThat(jobs.unscheduled).containsExactly(NIGHTLY);
        assertThat(handler(NIGHTLY)).isEmpty();
    }

    @Test
    void theCronSettingOverridesTheDefault() {
        RecordingJobsForSettings scheduled = new RecordingJobsForSettings();
        PluginPortSource<PluginSettings> settings = new PluginPortSource<>() {
            @Override
            public Class<PluginSettings> portType() {
                return PluginSettings.class;
            }

            @Override
            public PluginSettings forPlugin(PluginScope scope) {
                return new PluginSettings() {
                    @Override
                    public Optional<String> get(String key) {
                        return key.equals("sync.cron") ? Optional.of("0 30 1 * * *") : Optional.empty();
                    }

                    @Override
                    public String require(String key) {
                        return get(key).orElseThrow();
                    }
                };
            }
        };
        PluginScheduledTasks tasks = new PluginScheduledTasks(provider(scheduled), provider(settings),
                provider(calls), provider(host));

        tasks.started(host.live("tasks").orElseThrow());

        assertThat(scheduled.crons).containsEntry(NIGHTLY, "0 30 1 * * *")
                .doesNotContainKey("plugin:tasks:manual");
    }

    private Optional<JobHandler> handler(String type) {
        return handlerSources.stream().map(source -> source.handlerFor(type)).flatMap(Optional::stream).findFirst();
    }

    private static String task(String id, String name, String cron, String settingKey, String run) {
        return "@org.pf4j.Extension public class " + Character.toUpperCase(id.charAt(0)) + id.substring(1)
                + " implements org.grassroots.crm.plugin.api.jobs.ScheduledTask {\n"
                + "public String id() { return \"" + id + "\"; }\n"
                + "public String displayName() { return \"" + name + "\"; }\n"
                + "public String defaultCron() { return " + cron + "; }\n"
                + "public String cronSettingKey() { return " + settingKey + "; }\n"
                + "public org.grassroots.crm.plugin.api.jobs.RetryPolicy retryPolicy() {\n"
                + "  return org.grassroots.crm.plugin.api.jobs.RetryPolicy.of(3, java.time.Duration.ofMinutes(1)); }\n"
                + "public void run(org.grassroots.crm.plugin.api.jobs.JobContext job) throws Exception {\n" + run
                + "\n}\n}";
    }

    private static <T> ObjectProvider<T> provider(@Nullable T bean) {
        return new ObjectProvider<>() {
            @Override
            public T getObject() {
                if (bean == null) {
                    throw new IllegalStateException("no bean");
                }
                return bean;
            }

            @Override
            public @Nullable T getIfAvailable() {
                return bean;
            }

            @Override
            public Stream<T> stream() {
                return Stream.ofNullable(bean);
            }

            @Override
            public Stream<T> orderedStream() {
                return stream();
            }
        };
    }

    /** Remembers the cron of each schedule. */
    private static final class RecordingJobsForSettings implements org.grassroots.crm.jobs.RecurringJobs {

        final Map<String, String> crons = new ConcurrentHashMap<>();

        @Override
        public void schedule(String scheduleId, String cron, JobRequest request) {
            crons.put(scheduleId, cron);
        }

        @Override
        public void unschedule(String scheduleId) {
            crons.remove(scheduleId);
        }
    }

    /** A job context that records counters. */
    private static final class RecordingJob implements JobContext {

        final Map<String, Long> counters = new ConcurrentHashMap<>();
        private final Map<String, String> parameters;

        RecordingJob(Map<String, String> parameters) {
            this.parameters = parameters;
        }

        @Override
        public long jobId() {
            return 1;
        }

        @Override
        public String requestedBy() {
            return "system";
        }

        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public Map<String, String> parameters() {
            return parameters;
        }

        @Override
        public void progress(long done, long total) {
        }

        @Override
        public void count(String counter, long delta) {
            counters.merge(counter, delta, Long::sum);
        }

        @Override
        public void log(String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
