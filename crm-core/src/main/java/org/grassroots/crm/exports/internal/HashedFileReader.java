package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import org.grassroots.crm.common.InvalidInputException;

/**
 * Reads a partner's hashed match file, the layout {@link HashedMatchFormat} writes: a header naming
 * {@code email_hmac} and/or {@code phone_hmac}, then one line per person with a 64-character hex HMAC-SHA-256 (or
 * nothing) in each column. Each hash goes to the sink as it is read, so memory stays flat. A file that breaks the
 * layout is refused with a message naming the file and the line.
 */
public final class HashedFileReader {

    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-fA-F]{64}");
    /** Far beyond a line of two hashes, yet small enough that a broken quote cannot fill the memory. */
    private static final int MAX_LINE_CHARS = 64 * 1024;

    /** Which list a hash belongs to. */
    public enum Kind {
        EMAIL, PHONE
    }

    /** Takes each hash as it is read. */
    @FunctionalInterface
    public interface HashSink {
        void accept(Kind kind, byte[] hash) throws IOException;
    }

    private HashedFileReader() {
    }

    /** @return how many hash lines the file holds */
    public static long read(InputStream in, String fileName, HashSink sink) throws IOException {
        CsvRecordHandler handler = CsvRecordHandler.of(limits -> limits.maxFields(16)
                .maxFieldSize(MAX_LINE_CHARS).maxRecordSize(MAX_LINE_CHARS));
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).detectBomHeader(true)
                .allowExtraFields(true).allowMissingFields(true).maxBufferSize(MAX_LINE_CHARS)
                .build(handler, in, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!hasNext(records, fileName)) {
                throw refused(fileName, "the file is empty. Expected a header line (email_hmac,phone_hmac) and "
                        + "one line of hashes per person.");
            }
            List<Kind> columns = header(records.next(), fileName);
            long lines = 0;
            while (hasNext(records, fileName)) {
                CsvRecord record = next(records, fileName);
                long line = record.getStartingLineNumber();
                if (record.getFieldCount() != columns.size()) {
                    throw refused(fileName, "line " + line + " has " + record.getFieldCount() + " value"
                            + (record.getFieldCount() == 1 ? "" : "s") + ", but the header names " + columns.size()
                            + " column" + (columns.size() == 1 ? "" : "s") + ".");
                }
                for (int i = 0; i < columns.size(); i++) {
                    String value = record.getField(i).strip();
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (!HEX_HASH.matcher(value).matches()) {
                        throw refused(fileName, "line " + line + ", column " + name(columns.get(i)) + ": “"
                                + shortened(value) + "” is not a 64-character hexadecimal HMAC-SHA-256.");
                    }
                    sink.accept(columns.get(i), HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT)));
                }
                lines++;
            }
            if (lines == 0) {
                throw refused(fileName, "the file has a header but no hashes.");
            }
            return lines;
        }
    }

    private static List<Kind> header(CsvRecord record, String fileName) {
        List<Kind> columns = new ArrayList<>();
        for (String field : record.getFields()) {
            String name = field.strip().toLowerCase(Locale.ROOT);
            Kind kind = switch (name) {
                case HashedMatchFormat.EMAIL_COLUMN -> Kind.EMAIL;
                case HashedMatchFormat.PHONE_COLUMN -> Kind.PHONE;
                default -> throw refused(fileName, "line " + record.getStartingLineNumber() + " must be the header "
                        + "naming the columns email_hmac and/or phone_hmac, not “" + shortened(field) + "”.");
            };
            if (columns.contains(kind)) {
                throw refused(fileName, "line " + record.getStartingLineNumber() + " names the column " + name
                        + " twice.");
            }
            columns.add(kind);
        }
        return columns;
    }

    private static boolean hasNext(Iterator<CsvRecord> records, String fileName) throws IOException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw refused(fileName, "it is not a well-formed CSV file (" + e.getMessage() + ").");
        }
    }

    private static CsvRecord next(Iterator<CsvRecord> records, String fileName) throws IOException {
        try {
            return records.next();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw refused(fileName, "it is not a well-formed CSV file (" + e.getMessage() + ").");
        }
    }

    private static String name(Kind kind) {
        return kind == Kind.EMAIL ? HashedMatchFormat.EMAIL_COLUMN : HashedMatchFormat.PHONE_COLUMN;
    }

    private static String shortened(String value) {
        return value.length() <= 24 ? value : value.substring(0, 24) + "…";
    }

    private static InvalidInputException refused(String fileName, String problem) {
        return new InvalidInputException("file", fileName + ": " + problem);
    }
}
