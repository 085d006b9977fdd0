package org.grassroots.crm.pluginhost;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.RecurringJobs;
import org.grassroots.crm.plugin.api.hosttest.Greetings;
import org.grassroots.crm.pluginhost.internal.PluginHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * One Spring context for the plugin host tests: a plugins folder of their own, a 2 s call time box and a 2 MB
 * upload limit, a test port ({@link Greetings}), a recording lifecycle hook and a recording {@link RecurringJobs}.
 * Each test starts and ends with no plugin installed.
 */
@SpringBootTest(properties = {
        "crm.plugins.dir=target/plugin-host-test/plugins",
        "crm.plugins.call-timeout=2s",
        "crm.plugins.max-size=2MB"})
@Import(PluginHostTestSupport.TestBeans.class)
@WithMockUser(username = "plugin-admin", roles = "ADMIN")
public abstract class PluginHostTestSupport {

    protected static final Path FILES = Path.of("target/plugin-host-test/uploads");

    static {
        // a folder of its own, emptied once per test run, before the host first opens it
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(Path.of("target/plugin-host-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    protected PluginAdminService admin;

    @Autowired
    protected PluginCalls calls;

    @Autowired
    protected PluginHost host;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected RecordingHook hook;

    @Autowired
    protected RecordingJobs jobs;

    @BeforeEach
    @AfterEach
    void noPluginsInstalled() {
        admin.list().forEach(plugin -> admin.uninstall(plugin.id()));
        hook.clear();
        jobs.clear();
    }

    /** Uploads a file through the same service method the Plugins screen uses. */
    protected InstallResult upload(Path file) {
        try {
            return admin.install(file.getFileName().toString(), new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected InstalledPlugin plugin(String id) {
        return admin.find(id).orElseThrow();
    }

    protected long auditEvents(String action, String target) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND target_id = :target")
                .param("action", action).param("target", target).query(Long.class).single();
    }

    protected List<String> auditDetails(String action, String target) {
        return jdbc.sql("SELECT details::text FROM audit_event WHERE action = :action AND target_id = :target "
                + "ORDER BY id").param("action", action).param("target", target).query(String.class).list();
    }

    /** Restarts the host on the same database and plugins folder, as a restart of the application would. */
    protected void restartHost() {
        host.close();
        host.open();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        PluginPortSource<Greetings> greetingsPort() {
            return new PluginPortSource<>() {
                @Override
                public Class<Greetings> portType() {
                    return Greetings.class;
                }

                @Override
                public Greetings forPlugin(PluginScope scope) {
                    String pluginId = scope.pluginId();
                    return name -> "Hello " + name + " from " + pluginId;
                }
            };
        }

        @Bean
        RecordingHook recordingHook() {
            return new RecordingHook();
        }

        @Bean
        @Primary
        RecordingJobs recordingJobs() {
            return new RecordingJobs();
        }
    }

    /** Fails {@code beforeStart} for the plugin id {@code hook-fails}; records uninstalls. */
    protected static class RecordingHook implements PluginLifecycleHook {

        public final List<String> prepared = new CopyOnWriteArrayList<>();
        public final List<String> uninstalled = new CopyOnWriteArrayList<>();

        @Override
        public void beforeStart(PluginScope scope) {
            if (scope.pluginId().equals("hook-fails")) {
                throw new IllegalStateException("its migration V2 broke");
            }
            prepared.add(scope.pluginId());
        }

        @Override
        public void afterUninstall(String pluginId) {
            uninstalled.add(pluginId);
        }

        void clear() {
            prepared.clear();
            uninstalled.clear();
        }
    }

    /** Remembers schedules instead of running them. */
    protected static class RecordingJobs implements RecurringJobs {

        public record Schedule(String cron, JobRequest request) {
        }

        public final Map<String, Schedule> schedules = new ConcurrentHashMap<>();
        public final Set<String> unscheduled = ConcurrentHashMap.newKeySet();

        @Override
        public void schedule(String scheduleId, String cron, JobRequest request) {
            if (cron.split(" ").length != 6) {
                throw new IllegalArgumentException("'" + cron + "' is not a six-field cron expression");
            }
            schedules.put(scheduleId, new Schedule(cron, request));
        }

        @Override
        public void unschedule(String scheduleId) {
            schedules.remove(scheduleId);
            unscheduled.add(scheduleId);
        }

        void clear() {
            schedules.clear();
            unscheduled.clear();
        }

    }
}
