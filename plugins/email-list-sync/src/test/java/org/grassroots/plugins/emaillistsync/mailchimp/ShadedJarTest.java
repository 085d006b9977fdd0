package org.grassroots.plugins.emaillistsync.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The plugin jar as the host installs it (built and shaded at process-classes, before the tests): its own pf4j
 * manifest, the extension index, and Jackson inside it only under the relocated package.
 */
class ShadedJarTest {

    @Test
    void theJarKeepsItsPluginManifestAndCarriesOnlyRelocatedJackson() throws IOException {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("email-list-sync-[0-9.]+\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("target/email-list-sync-<version>.jar was not built"));
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Plugin-Id")).isEqualTo("email-list-sync");
            assertThat(file.getManifest().getMainAttributes().getValue("Plugin-Requires")).isNotBlank();
            assertThat(new String(file.getInputStream(file.getEntry("META-INF/extensions.idx")).readAllBytes(),
                    StandardCharsets.UTF_8)).contains(MailchimpProvider.class.getName());
            List<String> names = file.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("org/grassroots/plugins/emaillistsync/shaded/jackson/databind/json/JsonMapper.class");
            assertThat(names).noneMatch(name -> name.contains("tools/jackson/") || name.startsWith("com/fasterxml/"));
        }
    }
}
