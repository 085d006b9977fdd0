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
     * rows, and a suggested mapping. Reads only as much of the stream as that takes, and leaves the stream open (the
     * caller owns it).
     *
     * @param file    the uploaded file from its first byte
     * @param options the encoding and delimiter, or {@code null} members to detect them
     * @param rows    how many data rows to return at most; rows are returned as they are, even when their number
     *                of values differs from the header's
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when the file is not in a format this source reads, with a message for staff
     *                                  that says why and what to fix, for example "The file is empty.", "This is not
     *                                  a text file …", a blank or repeated column name in the header (naming the
     *                                  column), or a line that cannot be parsed (naming the line). This is an answer,
     *                                  not a fault: callers show the message and keep the plugin running
     */
    FilePreview preview(InputStream file, CsvOptions options, int rows) throws IOException;

    /**
     * Reads the whole file, passing each row to {@code batch} as an {@link ImportedSignature} or a
     * {@link RejectedRow}. Do not call {@link SignatureBatch#finish()}; core does. Report progress in bytes or rows
     * and check for cancellation through {@code job}. Leaves the stream open (the caller owns it).
     *
     * <p>Core puts the uploaded file's size in bytes in the job parameter {@code fileSize} (a decimal number; absent
     * when unknown), so a source can report {@code job.progress(bytesRead, fileSize)}, or a negative total without it.
     *
     * <p>A row the source cannot read on its own (an unparseable date, say) is a {@link RejectedRow}; a problem with
     * the file as a whole is an {@link IllegalArgumentException}, after which core discards the batch, so nothing of
     * the file is imported.
     *
     * @param file    the uploaded file from its first byte
     * @param options the encoding and delimiter, or {@code null} members to detect them (as {@link #preview} did)
     * @param mapping which column feeds which field, by header text
     * @param batch   where rows go; core opens, finishes or discards it
     * @param job     the background job: progress, cancellation, parameters
     * @return the number of data rows read: rows added plus rows rejected
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when the file as a whole cannot be imported, with a message for staff that
     *                                  names the line or column and says what to fix: everything {@link #preview}
     *                                  refuses, a header row without data rows, a row whose number of values differs
     *                                  from the header's, or a mapping that names a column the file does not have
     * @throws org.grassroots.crm.plugin.api.jobs.JobCancelledException when the job was cancelled
     */
    long read(InputStream file, CsvOptions options, FieldMapping mapping, SignatureBatch batch, JobContext job)
            throws IOException;
}
