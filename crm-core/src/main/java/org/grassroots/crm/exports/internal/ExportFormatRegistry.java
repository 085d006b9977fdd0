package org.grassroots.crm.exports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.ExportFormatInfo;
import org.grassroots.crm.exports.MatchKey;
import org.grassroots.crm.plugin.api.exports.ExportFormat;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The formats an export can use: core's CSV, XLSX and hashed match file, and every started plugin's
 * {@link ExportFormat} (id {@code pluginId:extensionId}), the latter called through the fault barrier.
 */
@Component
public class ExportFormatRegistry {

    private static final CsvExportFormat CSV = new CsvExportFormat();
    private static final ExportFormatInfo CSV_INFO = new ExportFormatInfo(CSV.id(), CSV.displayName(),
            CSV.fileExtension(), CSV.mediaType(), CSV.opensInSpreadsheets(), false);
    private static final XlsxExportFormat XLSX = new XlsxExportFormat();
    private static final ExportFormatInfo XLSX_INFO = new ExportFormatInfo(XLSX.id(), XLSX.displayName(),
            XLSX.fileExtension(), XLSX.mediaType(), XLSX.opensInSpreadsheets(), false);
    private static final ExportFormatInfo HASHED_INFO = new ExportFormatInfo(HashedMatchFormat.ID,
            HashedMatchFormat.DISPLAY_NAME, "csv", "text/csv", false, true);

    private final ObjectProvider<PluginCalls> plugins;

    ExportFormatRegistry(ObjectProvider<PluginCalls> plugins) {
        this.plugins = plugins;
    }

    /** Core's formats first, then the plugins' by plugin and extension id. */
    public List<ExportFormatInfo> all() {
        List<ExportFormatInfo> all = new ArrayList<>(List.of(CSV_INFO, XLSX_INFO, HASHED_INFO));
        pluginFormats().forEach(format -> all.add(new ExportFormatInfo(format.id(), format.displayName(),
                format.fileExtension(), format.mediaType(), format.opensInSpreadsheets(), false)));
        return all;
    }

    public Optional<ExportFormatInfo> info(String id) {
        for (ExportFormatInfo core : List.of(CSV_INFO, XLSX_INFO, HASHED_INFO)) {
            if (core.id().equals(id)) {
                return Optional.of(core);
            }
        }
        return all().stream().filter(info -> info.id().equals(id)).findFirst();
    }

    /**
     * The format to write a file with.
     *
     * @param key the key agreed with the partner, needed by the hashed match file only
     * @throws InvalidInputException when the format is not available (a plugin stopped) or the key is missing
     */
    public ExportFormat resolve(String id, @Nullable MatchKey key) {
        if (id.equals(CsvExportFormat.ID)) {
            return CSV;
        }
        if (id.equals(XlsxExportFormat.ID)) {
            return XLSX;
        }
        if (id.equals(HashedMatchFormat.ID)) {
            if (key == null) {
                throw new InvalidInputException("key", "A hashed match file needs the key agreed with the partner.");
            }
            return new HashedMatchFormat(key);
        }
        return pluginFormats().stream().filter(format -> format.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("formatId", "The export format " + id
                        + " is not available: its plugin is not running."));
    }

    private List<ExportFormat> pluginFormats() {
        PluginCalls calls = plugins.getIfAvailable();
        if (calls == null) {
            return List.of();
        }
        return calls.extensions(ExportFormat.class).stream()
                .<ExportFormat>map(extension -> new PluginExportFormat(calls, extension)).toList();
    }
}
