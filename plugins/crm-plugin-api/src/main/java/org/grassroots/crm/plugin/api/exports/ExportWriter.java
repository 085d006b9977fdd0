package org.grassroots.crm.plugin.api.exports;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes one export file row by row. Core streams rows from a database cursor, so a writer must not hold rows in
 * memory beyond a small buffer.
 */
public interface ExportWriter extends AutoCloseable {

    /** Writes one row: one value per column, in column order; {@code null} for an empty cell. */
    void write(List<@Nullable String> values) throws IOException;

    /** Finishes the file (for example writes a zip's central directory). Does not close the output stream's owner. */
    @Override
    void close() throws IOException;
}
