package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * A CSV file written by FastCSV onto a stream core owns: {@link #finish()} flushes but never closes the stream,
 * as {@link org.grassroots.crm.plugin.api.exports.ExportWriter#close()} requires.
 */
final class CsvFile {

    private final Writer writer;
    private final CsvWriter csv;

    /** Starts the file, with a byte-order mark when asked (spreadsheets then read UTF-8 accents), and its header. */
    CsvFile(OutputStream out, Charset charset, boolean byteOrderMark, List<String> header) throws IOException {
        this.writer = new OutputStreamWriter(out, charset);
        if (byteOrderMark) {
            writer.write('\uFEFF');
        }
        this.csv = CsvWriter.builder().build(writer);
        csv.writeRecord(header);
    }

    void write(List<String> record) {
        csv.writeRecord(record);
    }

    void finish() throws IOException {
        csv.flush();
        writer.flush();
    }
}
