package org.grassroots.crm.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.grassroots.crm.pluginhost.InstalledPlugin;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.pluginhost.PluginStatus;
import org.grassroots.crm.pluginhost.TestPluginJars;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/** Plugins that come with the CRM are installed on the first start, with no manual step, and upgraded later. */
@SpringBootTest
@WithMockUser(username = "plugin-admin", roles = "ADMIN")
class BundledPluginsTest {

    private static final Path ROOT = Path.of("target/plugin-bundled-test");
    private static final Path DIST = ROOT.resolve("dist");

    @DynamicPropertySource
    static void bundledPlugins(DynamicPropertyRegistry properties) throws IOException {
        FileSystemUtils.deleteRecursively(ROOT);
        TestPluginJars.plugin("bundled-one").answering("one", "return \"one\";").writeJar(DIST);
        TestPluginJars.plugin("bundled-two").writeJar(ROOT.resolve("more/two/target"));
        Files.write(Files.createDirectories(DIST).resolve("broken.jar"), new byte[] {1, 2, 3});
        properties.add("crm.plugins.dir", () -> ROOT.resolve("plugins").toString());
        properties.add("crm.plugins.bundled", () -> DIST + ", " + ROOT + "/more/*/target/*.jar");
    }

    @Autowired
    PluginAdminService admin;

    @Autowired
    BundledPlugins bundled;

    @Autowired
    JdbcClient jdbc;

    @Test
    void installsBundledPluginsAtStartAndUpgradesThemWhenANewerOneComes() {
        try {
            installedAtStartThenUpgraded();
        } finally {
            admin.list().forEach(plugin -> admin.uninstall(plugin.id()));
        }
    }

    private void installedAtStartThenUpgraded() {
        InstalledPlugin one = admin.find("bundled-one").orElseThrow();
        assertThat(one.bundled()).isTrue();
        assertThat(one.installedBy()).isEqualTo("system");
        assertThat(one.status()).isEqualTo(PluginStatus.STARTED);
        assertThat(one.extensions()).extracting(e -> e.id()).containsExactly("one");
        assertThat(admin.find("bundled-two").orElseThrow().status()).isEqualTo(PluginStatus.STARTED);
        assertThat(installs("bundled-one")).isOne();

        admin.disable("bundled-two");
        bundled.installMissing();
        assertThat(installs("bundled-one")).as("nothing is installed twice").isOne();
        assertThat(admin.find("bundled-two").orElseThrow().status()).isEqualTo(PluginStatus.DISABLED);

        TestPluginJars.plugin("bundled-one").version("1.1.0").answering("one", "return \"newer\";").writeJar(DIST);
        bundled.installMissing();
        InstalledPlugin upgraded = admin.find("bundled-one").orElseThrow();
        assertThat(upgraded.version()).isEqualTo("1.1.0");
        assertThat(upgraded.bundled()).isTrue();
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'PLUGIN_UPGRADED' "
                + "AND target_id = 'bundled-one'").query(String.class).list()).containsExactly("system");
    }

    @Test
    void readsFoldersFilesAndGlobs() {
        // the folder's files in name order, then the glob's; the other test may add a newer version to the folder
        assertThat(bundled.files()).extracting(file -> file.getFileName().toString())
                .startsWith("broken.jar", "bundled-one-1.0.0-test.jar").endsWith("bundled-two-1.0.0-test.jar");
    }

    private long installs(String pluginId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PLUGIN_INSTALLED' AND target_id = :id "
                + "AND actor = 'system'").param("id", pluginId).query(Long.class).single();
    }
}
