package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.grassroots.crm.plugin.api.exports.ExportColumn;
import org.grassroots.crm.plugin.api.exports.ExportFormat;
import org.grassroots.crm.plugin.api.exports.ExportWriter;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginExtension;
import org.grassroots.crm.pluginhost.PluginFunction;
import org.jspecify.annotations.Nullable;

/**
 * A plugin's format, every call made through the plugin host's fault barrier as part of a job: on the calling
 * thread without a time box (a file of a million rows takes as long as it takes), the plugin's class loader as
 * context loader; an exception is the file's failure, reported as an {@link IOException}.
 */
final class PluginExportFormat implements ExportFormat {

    private final PluginCalls plugins;
    private final PluginExtension<ExportFormat> extension;

    PluginExportFormat(PluginCalls plugins, PluginExtension<ExportFormat> extension) {
        this.plugins = plugins;
        this.extension = extension;
    }

    static String id(PluginExtension<ExportFormat> extension) {
        return extension.pluginId() + ":" + extension.extensionId();
    }

    @Override
    public String id() {
        return id(extension);
    }

    @Override
    public String displayName() {
        return extension.displayName();
    }

    @Override
    public String fileExtension() {
        return plugins.call(extension, "fileExtension", ExportFormat::fileExtension);
    }

    @Override
    public String mediaType() {
        return plugins.call(extension, "mediaType", ExportFormat::mediaType);
    }

    @Override
    public boolean opensInSpreadsheets() {
        return plugins.call(extension, "opensInSpreadsheets", ExportFormat::opensInSpreadsheets);
    }

    @Override
    public ExportWriter open(OutputStream out, List<ExportColumn> columns) throws IOException {
        ExportWriter writer = inJob(extension.extension(), "open", format -> format.open(out, columns));
        return new ExportWriter() {
            @Override
            public void write(List<@Nullable String> values) throws IOException {
                inJob(writer, "write", w -> {
                    w.write(values);
                    return null;
                });
            }

            @Override
            public void close() throws IOException {
                inJob(writer, "close", w -> {
                    w.close();
                    return null;
                });
            }
        };
    }

    private <T, R> R inJob(T target, String what, PluginFunction<T, R> work) throws IOException {
        try {
            return plugins.callInJob(extension.pluginId(), target, what, work);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Export format " + id() + " failed (" + what + "): " + e.getMessage(), e);
        }
    }
}
