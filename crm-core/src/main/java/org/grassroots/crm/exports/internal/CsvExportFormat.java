package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.crm.plugin.api.exports.ExportColumn;
import org.grassroots.crm.plugin.api.exports.ExportFormat;
import org.grassroots.crm.plugin.api.exports.ExportWriter;
import org.jspecify.annotations.Nullable;

/**
 * The built-in CSV: UTF-8 with a byte-order mark (spreadsheets then read accents), a header of column keys, one
 * record per person, written by FastCSV. It opens in spreadsheets, so core neutralises formula-like cells first.
 */
public final class CsvExportFormat implements ExportFormat {

    public static final String ID = "csv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "CSV";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    @Override
    public boolean opensInSpreadsheets() {
        return true;
    }

    @Override
    public ExportWriter open(OutputStream out, List<ExportColumn> columns) throws IOException {
        CsvFile csv = new CsvFile(out, StandardCharsets.UTF_8, true, columns.stream().map(ExportColumn::key).toList());
        return new ExportWriter() {
            @Override
            public void write(List<@Nullable String> values) {
                List<String> cells = new ArrayList<>(values.size());
                values.forEach(value -> cells.add(value == null ? "" : value));
                csv.write(cells);
            }

            @Override
            public void close() throws IOException {
                csv.finish();
            }
        };
    }
}
