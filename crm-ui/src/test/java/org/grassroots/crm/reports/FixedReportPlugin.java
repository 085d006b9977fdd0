package org.grassroots.crm.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.grassroots.crm.pluginhost.InstallResult;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.pluginhost.PluginStatus;
import org.grassroots.crm.pluginhost.TestPluginJars;

/**
 * A real plugin jar whose one Report extension is crm-core's test {@link FixedStateReport} (its class file is packed
 * into the jar, so the plugin loads it itself): the report screens' tests run it through the real plugin host and
 * fault barrier, in the application's own context.
 */
public final class FixedReportPlugin {

    public static final String PLUGIN = "fixed-reports";
    public static final String REPORT_ID = ReportInfo.id(PLUGIN, FixedStateReport.ID);

    private static Path jar;

    private FixedReportPlugin() {
    }

    /** Installs and starts the plugin unless it runs already; call as an admin. */
    public static void install(PluginAdminService plugins) {
        if (plugins.find(PLUGIN).isPresent()) {
            return;
        }
        try (InputStream data = Files.newInputStream(jar())) {
            InstallResult result = plugins.install(jar().getFileName().toString(), data);
            if (result.status() != PluginStatus.STARTED) {
                throw new IllegalStateException(PLUGIN + " did not start: " + result.failureReason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uninstalls the plugin if it is installed; call as an admin. */
    public static void uninstall(PluginAdminService plugins) {
        plugins.find(PLUGIN).ifPresent(plugin -> plugins.uninstall(plugin.id()));
    }

    private static synchronized Path jar() throws IOException {
        if (jar == null) {
            String entry = FixedStateReport.class.getName().replace('.', '/') + ".class";
            byte[] classFile;
            try (InputStream in = FixedStateReport.class.getClassLoader().getResourceAsStream(entry)) {
                classFile = in.readAllBytes();
            }
            Path folder = Files.createTempDirectory("fixed-reports");
            jar = TestPluginJars.plugin(PLUGIN).compileAgainst(FixedStateReport.class)
                    .source("FixedReport", "@org.pf4j.Extension\n"
                            + "public class FixedReport extends org.grassroots.crm.reports.FixedStateReport {\n}")
                    .entry(entry, classFile)
                    .writeJar(folder);
        }
        return jar;
    }
}
