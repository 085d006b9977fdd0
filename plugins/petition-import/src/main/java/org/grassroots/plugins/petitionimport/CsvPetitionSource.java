package org.grassroots.plugins.petitionimport;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvRecord;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.MappingPreset;
import org.grassroots.crm.plugin.api.petitions.PetitionSource;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.pf4j.Extension;

/**
 * Reads petition signatures from a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1252, separated
 * by commas, semicolons or tabs, with a header row. It streams: memory stays flat whatever the file's size, and a
 * line may be at most {@value CsvRows#MAX_LINE_CHARS} characters. A file that cannot be read as a whole (binary,
 * empty, a broken header, a row whose column count differs from the header's) is refused with an
 * {@link IllegalArgumentException} that says what to fix; a row whose date or opt-in cannot be read is rejected on
 * its own. The file's stream is left open for its owner to close.
 */
@Extension
public class CsvPetitionSource implements PetitionSource {

    /** Progress and cancellation are checked every this many records. */
    static final int CHECK_EVERY = 10_000;

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String displayName() {
        return "CSV file";
    }

    @Override
    public List<MappingPreset> presets() {
        return Presets.ALL;
    }

    @Override
    public FilePreview preview(InputStream file, CsvOptions options, int rows) throws IOException {
        DetectedFile detected = CsvFormatDetector.detect(new CountingInputStream(file), options);
        try (CsvRows records = new CsvRows(detected)) {
            Header header = header(records);
            List<List<String>> first = new ArrayList<>();
            CsvRecord row;
            while (first.size() < rows && (row = records.next()) != null) {
                if (!isBlank(row)) {
                    first.add(row.getFields());
                }
            }
            return new FilePreview(detected.charset(), detected.delimiter(), header.names(), first,
                    HeaderSuggestions.suggest(header.names()), Presets.matching(header));
        }
    }

    @Override
    public long read(InputStream file, CsvOptions options, FieldMapping mapping, SignatureBatch batch,
            JobContext job) throws IOException {
        CountingInputStream counted = new CountingInputStream(file);
        long fileSize = fileSize(job);
        DetectedFile detected = CsvFormatDetector.detect(counted, options);
        try (CsvRows records = new CsvRows(detected)) {
            Header header = header(records);
            SignatureRowMapper mapper = SignatureRowMapper.of(header, mapping);
            long seen = 0;
            long read = 0;
            CsvRecord row;
            while ((row = records.next()) != null) {
                if (++seen % CHECK_EVERY == 0) {
                    job.progress(counted.bytes(), fileSize);
                    job.checkCancelled();
                }
                if (isBlank(row)) {
                    continue;
                }
                if (row.getFieldCount() != header.size()) {
                    throw new IllegalArgumentException("Line " + row.getStartingLineNumber() + " has "
                            + row.getFieldCount() + " columns but the header has " + header.size()
                            + ". Check the delimiter and the quotes; nothing was imported.");
                }
                mapper.addTo(batch, row);
                read++;
            }
            if (read == 0) {
                throw new IllegalArgumentException("The file has a header row but no signatures.");
            }
            job.progress(counted.bytes(), fileSize);
            job.checkCancelled();
            return read;
        }
    }

    private static Header header(CsvRows records) throws IOException {
        CsvRecord first = records.next();
        if (first == null) {
            throw new IllegalArgumentException("The file is empty.");
        }
        return Header.of(first.getFields());
    }

    /** A row of empty cells (a spreadsheet's trailing ",,,," lines) is no signature and no error. */
    private static boolean isBlank(CsvRecord row) {
        for (int i = 0; i < row.getFieldCount(); i++) {
            if (!row.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Core passes the upload's size in bytes as the job parameter {@code fileSize}; -1 when it is not known. */
    private static long fileSize(JobContext job) {
        String size = job.parameters().get("fileSize");
        if (size == null) {
            return -1;
        }
        try {
            long bytes = Long.parseLong(size.strip());
            return bytes > 0 ? bytes : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
