package org.grassroots.crm.petitions.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.grassroots.crm.common.SpreadsheetCells;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.SignatureField;
import org.jspecify.annotations.Nullable;

/**
 * The rejected-rows download: line, problem, then the file's own columns, as UTF-8 with a byte-order mark so
 * spreadsheets read accents. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) is prefixed with an apostrophe, so opening the file never runs what a signer typed.
 */
public final class RejectedRowsCsv implements AutoCloseable {

    private final CsvWriter csv;
    private final Writer writer;
    private final List<String> headers;
    private final FieldMapping mapping;

    public RejectedRowsCsv(OutputStream out, ImportBatchSql.Layout layout) throws IOException {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        this.csv = CsvWriter.builder().build(writer);
        this.mapping = layout.mapping();
        this.headers = layout.headers().isEmpty()
                ? ImportValues.MAPPED_FIELDS.stream().map(SignatureField::label).toList() : layout.headers();
        List<String> header = new ArrayList<>(List.of("Line", "Problem"));
        headers.forEach(h -> header.add(SpreadsheetCells.neutralise(h)));
        csv.writeRecord(header);
    }

    public void write(ImportBatchSql.StoredRejection row) {
        List<String> cells = new ArrayList<>(headers.size() + 2);
        cells.add(Long.toString(row.line()));
        cells.add(SpreadsheetCells.neutralise(row.reason()));
        List<@Nullable String> values = row.raw() ? row.values() : inFileOrder(row.values());
        for (int i = 0; i < headers.size(); i++) {
            cells.add(i < values.size() ? SpreadsheetCells.neutralise(values.get(i)) : "");
        }
        if (row.raw() && values.size() > headers.size()) {
            values.subList(headers.size(), values.size())
                    .forEach(extra -> cells.add(SpreadsheetCells.neutralise(extra)));
        }
        csv.writeRecord(cells);
    }

    /** Puts a MAPPED row's values under the headers their fields were mapped from. */
    private List<@Nullable String> inFileOrder(List<@Nullable String> mapped) {
        if (mapping.columns().isEmpty()) {
            return mapped;
        }
        List<@Nullable String> ordered = new ArrayList<>(headers.size());
        for (String header : headers) {
            ordered.add(valueFor(header, mapped));
        }
        return ordered;
    }

    private @Nullable String valueFor(String header, List<@Nullable String> mapped) {
        for (var entry : mapping.columns().entrySet()) {
            if (!entry.getValue().equals(header)) {
                continue;
            }
            if (entry.getKey() == SignatureField.FULL_NAME) {
                String first = at(mapped, SignatureField.FIRST_NAME);
                String last = at(mapped, SignatureField.LAST_NAME);
                return first == null ? last : last == null ? first : first + " " + last;
            }
            return at(mapped, entry.getKey());
        }
        return null;
    }

    private static @Nullable String at(List<@Nullable String> mapped, SignatureField field) {
        int index = ImportValues.MAPPED_FIELDS.indexOf(field);
        return index >= 0 && index < mapped.size() ? mapped.get(index) : null;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
