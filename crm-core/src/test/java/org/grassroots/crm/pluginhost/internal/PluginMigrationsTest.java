package org.grassroots.crm.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.grassroots.crm.pluginhost.PluginLifecycleHook;
import org.grassroots.crm.pluginhost.PluginScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each test uses its own plugin id, so the tables and history tables of one test never meet another's. */
@SpringBootTest
class PluginMigrationsTest {

    @Autowired
    PluginMigrations migrations;

    @Autowired
    List<PluginLifecycleHook> hooks;

    @Autowired
    PluginSettingsStore settings;

    @Autowired
    PluginStorageStore storage;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path jar;

    private URLClassLoader loader;

    @AfterEach
    void close() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void appliesThePluginsScriptsOnceIntoItsOwnHistoryTable() throws Exception {
        script("demo-plugin", "V1__things.sql", """
                CREATE TABLE plugin_demo_plugin_thing (id BIGINT PRIMARY KEY, name TEXT NOT NULL);
                INSERT INTO plugin_demo_plugin_thing VALUES (1, 'first');
                """);
        PluginScope scope = scope("demo-plugin");

        migrations.beforeStart(scope);
        migrations.beforeStart(scope);

        assertThat(jdbc.sql("SELECT name FROM plugin_demo_plugin_thing").query(String.class).list())
                .containsExactly("first");
        assertThat(jdbc.sql("SELECT script FROM flyway_plugin_demo_plugin WHERE success AND type = 'SQL'").query(String.class).list())
                .containsExactly("V1__things.sql");
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE script = 'V1__things.sql'")
                .query(Long.class).single()).as("core's history is untouched").isZero();

        script("demo-plugin", "V2__more.sql", "ALTER TABLE plugin_demo_plugin_thing ADD COLUMN note TEXT;");
        migrations.beforeStart(scope("demo-plugin"));
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_plugin_demo_plugin WHERE success AND type = 'SQL'").query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    void aPluginWithoutMigrationsIsLeftAlone() throws Exception {
        Files.createDirectories(jar.resolve("db/plugin/someone-else"));

        migrations.beforeStart(scope("no-migrations"));

        assertThat(tableExists("flyway_plugin_no_migrations")).isFalse();
    }

    @Test
    void aScriptCreatingAnObjectWithoutThePrefixIsRefusedBeforeAnythingRuns() throws Exception {
        script("lint-plugin", "V1__ok.sql", "CREATE TABLE plugin_lint_plugin_ok (id INT);");
        script("lint-plugin", "V2__bad.sql", "CREATE TABLE sync_state (id INT);");

        assertThatThrownBy(() -> migrations.beforeStart(scope("lint-plugin")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lint-plugin").hasMessageContaining("V2__bad.sql")
                .hasMessageContaining("sync_state").hasMessageContaining("plugin_lint_plugin_");

        assertThat(tableExists("plugin_lint_plugin_ok")).isFalse();
        assertThat(tableExists("sync_state")).isFalse();
    }

    @Test
    void versionZeroIsRefusedRatherThanSkippedBehindTheBaseline() throws Exception {
        script("zero-plugin", "V0__early.sql", "CREATE TABLE plugin_zero_plugin_t (id INT);");

        assertThatThrownBy(() -> migrations.beforeStart(scope("zero-plugin")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("V0__early.sql")
                .hasMessageContaining("start at 1");
    }

    @Test
    void aFailingScriptStopsTheStartNamingPluginAndScript() throws Exception {
        script("broken-plugin", "V1__first.sql", "CREATE TABLE plugin_broken_plugin_a (id INT);");
        script("broken-plugin", "V2__typo.sql", "CREATE TABLE plugin_broken_plugin_b (id INTEGR);");

        assertThatThrownBy(() -> migrations.beforeStart(scope("broken-plugin")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken-plugin").hasMessageContaining("V2__typo.sql");

        assertThat(tableExists("plugin_broken_plugin_a")).isTrue();
        assertThat(tableExists("plugin_broken_plugin_b")).isFalse();
    }

    @Test
    void uninstallForgetsSettingsAndStorageButKeepsThePluginsTables() throws Exception {
        script("gone-plugin", "V1__t.sql", "CREATE TABLE plugin_gone_plugin_t (id INT);");
        migrations.beforeStart(scope("gone-plugin"));
        settings.savePlain("gone-plugin", "listId", "abc", "admin", Instant.now());
        settings.saveSecret("gone-plugin", "apiKey", "secret", "admin", Instant.now());
        storage.put("gone-plugin", "cursor", "42");
        storage.put("staying-plugin", "cursor", "7");

        hooks.forEach(hook -> hook.afterUninstall("gone-plugin"));

        assertThat(settings.all("gone-plugin")).isEmpty();
        assertThat(storage.get("gone-plugin", "cursor")).isEmpty();
        assertThat(storage.get("staying-plugin", "cursor")).contains("7");
        assertThat(tableExists("plugin_gone_plugin_t")).isTrue();
        assertThat(tableExists("flyway_plugin_gone_plugin")).isTrue();
    }

    private void script(String pluginId, String name, String sql) throws IOException {
        Path folder = Files.createDirectories(jar.resolve("db/plugin/" + pluginId));
        Files.writeString(folder.resolve(name), sql);
    }

    private PluginScope scope(String pluginId) throws Exception {
        if (loader != null) {
            loader.close();
        }
        // no parent: like a plugin's class loader, it sees only what the plugin ships (plus the JDK)
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        return new PluginScope(pluginId, loader, List::of);
    }

    private boolean tableExists(String name) {
        return jdbc.sql("SELECT to_regclass(:name) IS NOT NULL").param("name", name).query(Boolean.class).single();
    }

}
