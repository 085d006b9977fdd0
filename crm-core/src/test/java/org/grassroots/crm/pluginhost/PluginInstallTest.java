package org.grassroots.crm.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.plugin.api.hosttest.Answering;
import org.junit.jupiter.api.Test;

/**
 * Uploads through {@link PluginAdminService#install}: refused files name the problem and leave nothing behind,
 * upgrades replace the file and keep the enabled flag, state survives a restart, uninstall removes everything.
 */
class PluginInstallTest extends PluginHostTestSupport {

    @Test
    void refusesACorruptZipNamingIt() {
        assertRefused("broken.jar", "not a zip at all".getBytes(StandardCharsets.UTF_8),
                "broken.jar is not a valid jar or zip file");
        byte[] jar = TestPluginJars.plugin("cut").jarBytes();
        assertRefused("cut.zip", Arrays.copyOf(jar, jar.length / 2), "cut.zip is not a valid jar or zip file");
    }

    @Test
    void refusesAJarWithoutDescriptor() {
        assertRefused("plain.jar", TestPluginJars.plugin("plain").withoutDescriptor().jarBytes(),
                "plain.jar has no plugin descriptor: put Plugin-Id, Plugin-Version and Plugin-Requires (and optionally "
                        + "Plugin-Class) in META-INF/MANIFEST.MF or plugin.properties");
    }

    @Test
    void refusesAnEntryThatEscapesThePluginFolder() {
        assertRefused("evil.zip", TestPluginJars.plugin("evil")
                        .entry("../../evil", "owned".getBytes(StandardCharsets.UTF_8)).jarBytes(),
                "evil.zip has entry '../../evil', which escapes the plugin folder");
        assertThat(Path.of("target/plugin-host-test/evil")).doesNotExist();
    }

    @Test
    void refusesADuplicateIdUnlessItIsAHigherVersion() {
        upload(TestPluginJars.plugin("twice").version("1.2.0").writeJar(FILES));

        assertRefused("again.jar", TestPluginJars.plugin("twice").version("1.2.0").jarBytes(),
                "again.jar is plugin 'twice' version 1.2.0, but version 1.2.0 is already installed; upload a higher "
                        + "version to upgrade it");
        assertRefused("older.jar", TestPluginJars.plugin("twice").version("1.1.9").jarBytes(),
                "older.jar is plugin 'twice' version 1.1.9, but version 1.2.0 is already installed");
        assertThat(plugin("twice").version()).isEqualTo("1.2.0");
        assertThat(plugin("twice").status()).isEqualTo(PluginStatus.STARTED);
    }

    @Test
    void refusesAPluginRequiringAnotherApiVersion() {
        assertRefused("future.jar", TestPluginJars.plugin("future").requires(">=2.0.0 & <3.0.0").jarBytes(),
                "future.jar requires plugin API '>=2.0.0 & <3.0.0', but this CRM offers 1.2.0");
        assertRefused("vague.jar", TestPluginJars.plugin("vague").requires(null).jarBytes(),
                "vague.jar declares no Plugin-Requires");
    }

    @Test
    void refusesAnOversizeFileWithoutReadingItAll() {
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, (byte) 'x');
                read.addAndGet(length);
                return length;
            }
        };

        assertThatThrownBy(() -> admin.install("huge.jar", endless)).isInstanceOf(InvalidInputException.class)
                .hasMessage("huge.jar is larger than the 2 MB limit for plugins (crm.plugins.max-size)");
        assertThat(read.get()).isLessThan(2 * 1024 * 1024 + 128 * 1024);
        assertNothingInstalled();
    }

    @Test
    void refusesWhatIsNotAJarOrZip() {
        assertRefused("notes.txt", "hello".getBytes(StandardCharsets.UTF_8),
                "notes.txt is not a plugin: upload a .jar or .zip file");
    }

    @Test
    void installsPf4jZipsWithLibJarsOrAClassesFolder() {
        InstallResult lib = upload(TestPluginJars.plugin("zipped").answering("z", "return \"from lib\";")
                .writeZip(FILES, false));
        InstallResult classes = upload(TestPluginJars.plugin("foldered").answering("f", "return \"from classes\";")
                .writeZip(FILES, true));

        assertThat(lib.status()).isEqualTo(PluginStatus.STARTED);
        assertThat(classes.status()).isEqualTo(PluginStatus.STARTED);
        List<String> answers = calls.extensions(Answering.class).stream()
                .map(target -> calls.call(target, "answer", extension -> extension.answer("?"))).toList();
        assertThat(answers).containsExactly("from classes", "from lib");
        assertThat(installedFiles()).contains("zipped-1.0.0.zip", "foldered-1.0.0.zip");

        admin.uninstall("zipped");
        assertThat(installedFiles()).doesNotContain("zipped-1.0.0.zip", "zipped-1.0.0");
    }

    @Test
    void upgradesToAHigherVersionKeepingTheEnabledFlag() {
        upload(TestPluginJars.plugin("grows").answering("v", "return \"one\";").writeJar(FILES));
        admin.disable("grows");

        InstallResult result = upload(TestPluginJars.plugin("grows").version("1.1.0")
                .answering("v", "return \"two\";").writeJar(FILES));

        assertThat(result.upgraded()).isTrue();
        assertThat(result.previousVersion()).isEqualTo("1.0.0");
        assertThat(result.status()).isEqualTo(PluginStatus.DISABLED);
        assertThat(installedFiles()).contains("grows-1.1.0.jar").doesNotContain("grows-1.0.0.jar");
        assertThat(auditDetails("PLUGIN_UPGRADED", "grows")).singleElement().asString()
                .contains("\"previousVersion\": \"1.0.0\"").contains("\"version\": \"1.1.0\"").contains("sha256");

        admin.enable("grows");
        PluginExtension<Answering> upgraded = calls.extension(Answering.class, "grows", "v").orElseThrow();
        String answer = calls.call(upgraded, "answer", extension -> extension.answer("?"));
        assertThat(answer).isEqualTo("two");
    }

    @Test
    void disablingAndEnablingSurvivesARestart() {
        upload(PluginHostTest.working("persistent").writeJar(FILES));

        assertThat(admin.disable("persistent").status()).isEqualTo(PluginStatus.DISABLED);
        restartHost();
        assertThat(plugin("persistent").status()).isEqualTo(PluginStatus.DISABLED);
        assertThat(calls.extensions(Answering.class)).isEmpty();

        assertThat(admin.enable("persistent").status()).isEqualTo(PluginStatus.STARTED);
        restartHost();
        assertThat(plugin("persistent").status()).isEqualTo(PluginStatus.STARTED);
        PluginExtension<Answering> echo = calls.extension(Answering.class, "persistent", "echo").orElseThrow();
        String answer = calls.call(echo, "answer", extension -> extension.answer("after restart"));
        assertThat(answer).isEqualTo("echo after restart");
        assertThat(auditEvents("PLUGIN_DISABLED", "persistent")).isOne();
        assertThat(auditEvents("PLUGIN_ENABLED", "persistent")).isOne();
    }

    @Test
    void aFileChangedBehindTheHostsBackIsNotStarted() throws IOException {
        upload(PluginHostTest.working("tampered").writeJar(FILES));
        Path installed = Path.of("target/plugin-host-test/plugins/tampered-1.0.0.jar");
        Files.write(installed, TestPluginJars.plugin("tampered").answering("echo", "return \"evil\";").jarBytes());

        restartHost();

        assertThat(plugin("tampered").status()).isEqualTo(PluginStatus.FAILED);
        assertThat(plugin("tampered").failureReason()).startsWith("its file tampered-1.0.0.jar changed after it was "
                + "installed");
    }

    @Test
    void uninstallRemovesTheFileTheRowAndTheExtensionsAndRunsTheHooks() {
        upload(PluginHostTest.working("gone").writeJar(FILES));

        admin.uninstall("gone");

        assertThat(admin.find("gone")).isEmpty();
        assertThat(installedFiles()).doesNotContain("gone-1.0.0.jar");
        assertThat(calls.extensions(Answering.class)).isEmpty();
        assertThat(hook.uninstalled).containsExactly("gone");
        assertThat(auditDetails("PLUGIN_UNINSTALLED", "gone")).singleElement().asString().contains("1.0.0");
        assertThat(auditDetails("PLUGIN_INSTALLED", "gone")).singleElement().asString()
                .contains("\"file\": \"gone-1.0.0-test.jar\"").contains("sha256");
        assertThatThrownBy(() -> admin.uninstall("gone")).isInstanceOf(InvalidInputException.class)
                .hasMessage("No plugin 'gone' is installed");
    }

    private void assertRefused(String fileName, byte[] content, String message) {
        assertThatThrownBy(() -> admin.install(fileName, new ByteArrayInputStream(content)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("file"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PLUGIN_REJECTED' "
                + "AND details ->> 'file' = :file AND details ->> 'reason' LIKE :reason").param("file", fileName)
                .param("reason", message + "%").query(Long.class).single()).isPositive();
        assertNothingInstalledBut(List.of("twice"));
    }

    private void assertNothingInstalled() {
        assertNothingInstalledBut(List.of());
    }

    private void assertNothingInstalledBut(List<String> ids) {
        assertThat(admin.list()).extracting(InstalledPlugin::id).isSubsetOf(ids);
        assertThat(installedFiles()).allMatch(name -> ids.stream().anyMatch(name::startsWith));
        Path temporary = Path.of("target/plugin-host-test/plugins/.incoming");
        try (Stream<Path> incoming = Files.exists(temporary) ? Files.list(temporary) : Stream.empty()) {
            assertThat(incoming).as("temporary uploads").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> installedFiles() {
        try (Stream<Path> files = Files.list(Path.of("target/plugin-host-test/plugins"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
