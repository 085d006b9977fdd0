package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.grassroots.crm.common.SpreadsheetCells;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.plugin.api.exports.ExportColumn;
import org.grassroots.crm.plugin.api.exports.ExportFormat;
import org.grassroots.crm.plugin.api.exports.ExportWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Streams a definition's rows into a format's writer. For a format that opens in spreadsheets every value that
 * starts with {@code = + - @}, a tab or a carriage return is neutralised here, before the format sees it, so a
 * plugin format cannot forget. The caller owns and closes {@code out}.
 */
@Component
public class ExportFileWriter {

    private final ExportRowQuery rows;

    ExportFileWriter(ExportRowQuery rows) {
        this.rows = rows;
    }

    /** @return the number of people written */
    public long write(ExportDefinition definition, ExportFormat format, OutputStream out) throws IOException {
        return write(definition, format, out, written -> { });
    }

    /**
     * Like {@link #write(ExportDefinition, ExportFormat, OutputStream)}, telling {@code afterRow} the number of rows
     * written so far after each one (what it throws, such as a job's cancellation, stops the file).
     */
    public long write(ExportDefinition definition, ExportFormat format, OutputStream out, LongConsumer afterRow)
            throws IOException {
        List<ExportColumn> columns = definition.fields().stream()
                .map(field -> new ExportColumn(field.key(), field.label())).toList();
        boolean neutralise = format.opensInSpreadsheets();
        long[] written = {0};
        try (ExportWriter writer = format.open(out, columns)) {
            return rows.stream(definition, values -> {
                writer.write(neutralise ? neutralised(values) : values);
                afterRow.accept(++written[0]);
            });
        }
    }

    private static List<@Nullable String> neutralised(List<@Nullable String> values) {
        List<@Nullable String> safe = new ArrayList<>(values.size());
        values.forEach(value -> safe.add(value == null ? null : SpreadsheetCells.neutralise(value)));
        return safe;
    }
}
