package org.grassroots.crm.plugin.api.petitions;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.grassroots.crm.plugin.api.CrmExtension;
import org.grassroots.crm.plugin.api.jobs.JobContext;

/**
 * Extension point: reads a petition file (for example a CSV export from Action Network) into signature rows. The
 * plugin parses and maps; core stores, through the {@link SignatureBatch} it is given. The import wizard calls
 * {@link #preview} on upload and {@link #read} in a background job, once for the dry run and once for the import.
 */
public interface PetitionSource extends CrmExtension {

    /** Built-in mappings for known exports; may be empty. */
    List<MappingPreset> presets();

    /**
     * Reads the start of a file: encoding and delimiter (as given or detected), headers, the first {@code rows} data
     * rows, and a suggested mapping.
     *
     * @throws IOException            when the file cannot be read
     * @throws IllegalArgumentException when the file is not in a format this source reads; the message says why
     */
    FilePreview preview(InputStream file, CsvOptions options, int rows) throws IOException;

    /**
     * Reads the whole file, passing each row to {@code batch} as an {@link ImportedSignature} or a
     * {@link RejectedRow}. Do not call {@link SignatureBatch#finish()}; core does. Report progress in bytes or rows
     * and check for cancellation through {@code job}.
     *
     * @return the number of data rows read
     * @throws IOException when the file cannot be read
     */
    long read(InputStream file, CsvOptions options, FieldMapping mapping, SignatureBatch batch, JobContext job)
            throws IOException;
}
