package org.grassroots.crm.pluginhost.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.grassroots.crm.pluginhost.PluginLifecycleHook;
import org.grassroots.crm.pluginhost.PluginScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs a plugin's own Flyway migrations before it starts: the SQL scripts under {@code db/plugin/<id>/} in the
 * plugin's jar, on the CRM's database, with a history table of the plugin's own ({@code flyway_plugin_<id>}), so
 * plugins and core never interfere in each other's schema history. A plugin without that folder is left alone.
 *
 * <p>Pending scripts are checked first by {@link PluginSqlCheck}: a plugin's objects must be named
 * {@code plugin_<id>_…}. A refused or failed script stops the plugin from starting, with a message naming the plugin
 * and the script; Flyway rolls back the failed script, and the scripts before it stay applied.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PluginMigrations implements PluginLifecycleHook {

    private static final Logger log = LoggerFactory.getLogger(PluginMigrations.class);

    private static final MigrationVersion BASELINE = MigrationVersion.fromVersion("0");
    private static final MigrationVersion FIRST = MigrationVersion.fromVersion("1");

    private final DataSource dataSource;

    PluginMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where a plugin keeps its migrations, inside its jar. */
    public static String location(String pluginId) {
        return "db/plugin/" + pluginId;
    }

    /** The plugin's own Flyway history table. */
    public static String historyTable(String pluginId) {
        return "flyway_plugin_" + PluginSqlCheck.identifierPart(pluginId);
    }

    @Override
    public void beforeStart(PluginScope scope) {
        String pluginId = scope.pluginId();
        String location = location(pluginId);
        if (scope.classLoader().getResource(location) == null
                && scope.classLoader().getResource(location + "/") == null) {
            return;
        }
        Flyway flyway = Flyway.configure(scope.classLoader())
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable(pluginId))
                // Flyway refuses a schema that holds tables (core's) but not this history table, unless it may
                // start the history with a baseline; version 0 is below every script the check below lets through
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE.getVersion())
                .baselineDescription("history of plugin " + pluginId + " starts")
                .createSchemas(false)
                .placeholderReplacement(false)
                // SQL callbacks (beforeMigrate.sql …) would run unchecked next to the migrations
                .skipDefaultCallbacks(true)
                .failOnMissingLocations(true)
                .load();
        try {
            MigrationInfo[] pending = flyway.info().pending();
            refuseForeignObjects(scope, location, pending);
            if (pending.length > 0) {
                int applied = flyway.migrate().migrationsExecuted;
                log.info("Plugin {}: applied {} database migration(s) from {}", pluginId, applied, location);
            }
        } catch (FlywayException e) {
            throw new IllegalStateException("Plugin " + pluginId + ": its database migrations under " + location
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static void refuseForeignObjects(PluginScope scope, String location, MigrationInfo[] pending) {
        List<String> problems = new ArrayList<>();
        for (MigrationInfo migration : pending) {
            String script = migration.getScript();
            if (migration.getVersion() != null && migration.getVersion().compareTo(FIRST) < 0) {
                problems.add(script + ": versions start at 1 (V1__…); a lower one would be skipped silently");
            }
            if (!script.endsWith(".sql")) {
                continue;
            }
            PluginSqlCheck.problems(scope.pluginId(), read(scope, location, script))
                    .forEach(problem -> problems.add(script + ": " + problem));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Plugin " + scope.pluginId() + ": migration refused, nothing was applied. "
                    + String.join("; ", problems));
        }
    }

    private static String read(PluginScope scope, String location, String script) {
        try (InputStream in = scope.classLoader().getResourceAsStream(location + "/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Plugin " + scope.pluginId() + ": migration " + script
                        + " cannot be read from " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Plugin " + scope.pluginId() + ": migration " + script
                    + " cannot be read: " + e.getMessage(), e);
        }
    }
}
