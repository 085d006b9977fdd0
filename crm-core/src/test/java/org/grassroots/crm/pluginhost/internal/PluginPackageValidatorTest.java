package org.grassroots.crm.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.pluginhost.TestPluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks made on a plugin file before any of its classes is loaded, each with a message naming the file. */
class PluginPackageValidatorTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path folder;

    private final PluginPackageValidator validator = new PluginPackageValidator(List.of(), 20 * MB);

    @Test
    void readsTheDescriptorOfAJarFromItsManifest() {
        Path jar = TestPluginJars.plugin("petition-import").version("2.3.1").requires(">=1.0.0 & <2.0.0")
                .writeJar(folder);

        PluginPackage plugin = validator.validate(jar, "upload.jar");

        assertThat(plugin.id()).isEqualTo("petition-import");
        assertThat(plugin.version()).isEqualTo("2.3.1");
        assertThat(plugin.requires()).isEqualTo(">=1.0.0 & <2.0.0");
        assertThat(plugin.pluginClass()).isEqualTo("test.petition_import.TestPlugin");
        assertThat(plugin.provider()).isEqualTo("Grassroots tests");
        assertThat(plugin.kind()).isEqualTo(PluginPackage.Kind.JAR);
        assertThat(plugin.installedFileName()).isEqualTo("petition-import-2.3.1.jar");
        assertThat(plugin.sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void aPluginWithoutPluginClassGetsTheBasePlugin() {
        Path jar = TestPluginJars.plugin("extensions-only").attribute("Plugin-Class", null).writeJar(folder);

        assertThat(validator.validate(jar, "extensions-only.jar").pluginClass()).isEqualTo("org.pf4j.Plugin");
    }

    @Test
    void readsPluginPropertiesInAJarOrAZip() {
        Path jar = TestPluginJars.plugin("props").descriptorInProperties().writeJar(folder);
        Path zip = TestPluginJars.plugin("zipped").version("0.9.0").writeZip(folder, false);
        Path classes = TestPluginJars.plugin("classes").writeZip(folder, true);

        assertThat(validator.validate(jar, "props.jar").id()).isEqualTo("props");
        assertThat(validator.validate(zip, "zipped.zip").version()).isEqualTo("0.9.0");
        assertThat(validator.validate(classes, "classes.zip").kind()).isEqualTo(PluginPackage.Kind.ZIP);
    }

    @Test
    void anExactRequiredVersionMeansAtLeastThatVersion() {
        assertThatCode(() -> validate(TestPluginJars.plugin("exact").requires("1.1.0"), "exact.jar"))
                .doesNotThrowAnyException();
        assertRefused(TestPluginJars.plugin("later").requires("1.3.0"), "later.jar",
                "later.jar requires plugin API '1.3.0', but this CRM offers 1.2.0");
    }

    @Test
    void refusesDamagedFiles() throws IOException {
        Path garbage = Files.write(folder.resolve("garbage.jar"), "PK but not really".getBytes());
        assertThatThrownBy(() -> validator.validate(garbage, "garbage.jar"))
                .hasMessageStartingWith("garbage.jar is not a valid jar or zip file (");

        byte[] jar = TestPluginJars.plugin("flipped").jarBytes();
        jar[60] ^= 0x5a; // inside the first entry's data: the central directory still reads, the CRC does not
        Path flipped = Files.write(folder.resolve("flipped.jar"), jar);
        assertThatThrownBy(() -> validator.validate(flipped, "flipped.jar"))
                .hasMessageStartingWith("flipped.jar is not a valid jar or zip file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../evil", "/etc/cron.d/evil", "classes/../../evil", "C:/evil", "..\\evil",
            "lib\\..\\..\\evil"})
    void refusesEntriesThatEscapeTheFolder(String entry) {
        assertRefused(TestPluginJars.plugin("slip").entry(entry, new byte[] {1}), "slip.jar",
                "slip.jar has entry '" + entry + "', which escapes the plugin folder");
    }

    @Test
    void refusesBadDescriptors() {
        assertRefused(TestPluginJars.plugin("none").withoutDescriptor(), "none.jar",
                "none.jar has no plugin descriptor");
        assertRefused(TestPluginJars.plugin("bad").attribute("Plugin-Id", "Bad_Id"), "bad.jar",
                "bad.jar has Plugin-Id 'Bad_Id': use 2 to 64 lower-case letters, digits and dashes");
        assertRefused(TestPluginJars.plugin("dotted").attribute("Plugin-Id", "../up"), "dotted.jar",
                "dotted.jar has Plugin-Id '../up'");
        assertRefused(TestPluginJars.plugin("loose").version("1.0"), "loose.jar",
                "loose.jar has Plugin-Version '1.0': use a semantic version such as 1.2.0");
        assertRefused(TestPluginJars.plugin("vague").requires(null), "vague.jar",
                "vague.jar declares no Plugin-Requires: add the plugin API range it was built for");
        assertRefused(TestPluginJars.plugin("garbled").requires("about one"), "garbled.jar",
                "garbled.jar has Plugin-Requires 'about one', which is not a version range");
        assertRefused(TestPluginJars.plugin("future").requires(">=2.0.0 & <3.0.0"), "future.jar",
                "future.jar requires plugin API '>=2.0.0 & <3.0.0', but this CRM offers 1.2.0");
        assertRefused(TestPluginJars.plugin("lost").attribute("Plugin-Class", "test.lost.Missing"), "lost.jar",
                "lost.jar names Plugin-Class test.lost.Missing, which is not in the file");
        assertRefused(TestPluginJars.plugin("needy").attribute("Plugin-Dependencies", "other-plugin"),
                "needy.jar", "needy.jar depends on other plugins, which this CRM does not support");
    }

    @Test
    void refusesABundledCopyOfThePluginApi() {
        assertRefused(TestPluginJars.plugin("copycat")
                        .entry("org/grassroots/crm/plugin/api/PluginApi.class", new byte[] {(byte) 0xca}),
                "copycat.jar", "copycat.jar bundles the plugin API (org/grassroots/crm/plugin/api/PluginApi.class)");
        Map<String, byte[]> inner = new LinkedHashMap<>();
        inner.put("org/grassroots/crm/plugin/api/CrmExtension.class", new byte[] {1});
        Path zip = TestPluginJars.plugin("nested").entry("lib/api.jar", TestPluginJars.zip(inner))
                .writeZip(folder, true);
        assertThatThrownBy(() -> validator.validate(zip, "nested.zip"))
                .hasMessageStartingWith("nested.zip bundles the plugin API");
    }

    @Test
    void refusesAZipBomb() {
        PluginPackageValidator small = new PluginPackageValidator(List.of(), 1024);
        Path jar = TestPluginJars.plugin("bomb").entry("zeros.bin", new byte[20 * 1024]).writeJar(folder);

        assertThatThrownBy(() -> small.validate(jar, "bomb.jar")).hasMessage("bomb.jar expands to more than 10 KB");
    }

    @Test
    void appliesTheAllowList() {
        Path jar = TestPluginJars.plugin("listed").writeJar(folder);
        String sha256 = validator.validate(jar, "listed.jar").sha256();

        assertThatCode(() -> new PluginPackageValidator(List.of(sha256), 20 * MB).validate(jar, "listed.jar"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new PluginPackageValidator(List.of("ab".repeat(32)), 20 * MB)
                .validate(jar, "listed.jar"))
                .hasMessage("listed.jar has SHA-256 " + sha256 + ", which is not on the allow-list "
                        + "(crm.plugins.allowed-sha256)");
    }

    @Test
    void acceptsOnlyJarAndZipNames() {
        assertThat(PluginPackageValidator.kindOf("Plugin.JAR")).isEqualTo(PluginPackage.Kind.JAR);
        assertThat(PluginPackageValidator.kindOf("plugin.zip")).isEqualTo(PluginPackage.Kind.ZIP);
        assertThatThrownBy(() -> PluginPackageValidator.kindOf("plugin.exe"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("plugin.exe is not a plugin: upload a .jar or .zip file");
    }

    private PluginPackage validate(TestPluginJars.Builder plugin, String name) {
        return validator.validate(plugin.writeJar(folder), name);
    }

    private void assertRefused(TestPluginJars.Builder plugin, String name, String message) {
        assertThatThrownBy(() -> validate(plugin, name)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(message);
    }
}
