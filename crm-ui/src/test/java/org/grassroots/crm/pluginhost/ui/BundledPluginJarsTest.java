package org.grassroots.crm.pluginhost.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.PetitionSource;
import org.grassroots.crm.pluginhost.InstallResult;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginExtension;
import org.grassroots.crm.pluginhost.PluginStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The petition import jar this build made (the reactor builds the bundled plugins before this module) installs
 * through the upload path and reads a file inside the host: FastCSV is shaded into the jar under the plugin's own
 * package, so this only works if the shaded classes are there. A refusal of a file comes back as the documented
 * {@link IllegalArgumentException} and leaves the plugin running. (A browserless test only to share the Spring
 * context of the other crm-ui tests.)
 */
@SpringBootTest
class BundledPluginJarsTest extends SpringBrowserlessTest {

    private static final Path PETITION_IMPORT_JAR =
            Path.of("../plugins/petition-import/target/petition-import-1.0.0.jar");
    private static final String ACTION_NETWORK_EXPORT = """
            first_name,last_name,email,zip_code,can2_user_city,can2_state_abbreviated
            Ana,López,ana@example.org,94110,San Francisco,CA
            """;

    @Autowired
    PluginAdminService plugins;

    @Autowired
    PluginCalls calls;

    @AfterEach
    void uninstall() {
        signInAsAdmin();
        plugins.find("petition-import").ifPresent(plugin -> plugins.uninstall(plugin.id()));
        SecurityContextHolder.clearContext();
    }

    @Test
    void thePetitionImportJarInstallsAndReadsAFileWithTheFastCsvInsideIt() throws Exception {
        assertThat(PETITION_IMPORT_JAR).as("the build makes the petition import plugin before this module").exists();
        signInAsAdmin();
        try (InputStream jar = Files.newInputStream(PETITION_IMPORT_JAR)) {
            InstallResult result = plugins.install(PETITION_IMPORT_JAR.getFileName().toString(), jar);
            assertThat(result.status()).as("%s", result.failureReason()).isEqualTo(PluginStatus.STARTED);
        }
        PluginExtension<PetitionSource> csv = calls.extension(PetitionSource.class, "petition-import", "csv")
                .orElseThrow();

        FilePreview preview = calls.call(csv, "preview", source -> source.preview(
                new ByteArrayInputStream(ACTION_NETWORK_EXPORT.getBytes(StandardCharsets.UTF_8)), CsvOptions.DETECT,
                5));

        assertThat(csv.displayName()).isEqualTo("CSV file");
        assertThat(preview.rows()).singleElement().asList().contains("López");
        assertThat(preview.matchingPreset()).isEqualTo("action-network");
        assertThatThrownBy(() -> calls.call(csv.pluginId(), csv.extension(), "preview",
                IllegalArgumentException.class, source -> source.preview(new ByteArrayInputStream(new byte[0]),
                        CsvOptions.DETECT, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The file is empty.");
        assertThat(plugins.find("petition-import").orElseThrow().status()).isEqualTo(PluginStatus.STARTED);
    }

    private static void signInAsAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bundled-jars-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }
}
