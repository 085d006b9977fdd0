package org.grassroots.plugins.petitionimport;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import org.jspecify.annotations.Nullable;

/**
 * The records of a {@link DetectedFile}, one at a time, read by FastCSV with limits that keep memory flat whatever
 * the file holds: a line (a record, quoted line breaks included) may be at most {@value #MAX_LINE_CHARS} characters
 * and {@value #MAX_COLUMNS} columns. Empty lines are skipped. FastCSV's parse errors come out as
 * {@link IllegalArgumentException}s whose message names the line and says what to fix. The field count is not
 * checked here: the callers compare each record with the header.
 */
final class CsvRows implements Closeable {

    static final int MAX_LINE_CHARS = 1024 * 1024;
    static final String MAX_LINE_TEXT = "1 MB";
    static final int MAX_COLUMNS = 10_000;

    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;

    CsvRows(DetectedFile file) {
        CsvRecordHandler handler = CsvRecordHandler.of(limits -> limits.maxFields(MAX_COLUMNS)
                .maxFieldSize(MAX_LINE_CHARS).maxRecordSize(MAX_LINE_CHARS));
        reader = CsvReader.builder()
                .fieldSeparator(file.delimiter())
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .allowUnclosedQuote(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .maxBufferSize(MAX_LINE_CHARS)
                .build(handler, file.content(), file.charset());
        records = reader.iterator();
    }

    /**
     * The next record, or {@code null} at the end of the file.
     *
     * @throws IllegalArgumentException when the file is not well-formed CSV at that point
     */
    @Nullable CsvRecord next() throws IOException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw explain(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** FastCSV's messages name the line a record starts on; the kinds below are all its reader throws. */
    static IllegalArgumentException explain(CsvParseException e) {
        String message = String.valueOf(e.getMessage());
        String line = lineOf(message);
        String explained;
        if (message.contains("buffer size") || message.contains("max field size")
                || message.contains("max record size")) {
            explained = "Line " + line + " is longer than " + MAX_LINE_TEXT + ", which no signature needs: usually a "
                    + "quote (\") opens a value and never closes it. Check the quotes and the delimiter.";
        } else if (message.contains("maximum limit of")) {
            explained = "Line " + line + " has more than " + String.format("%,d", MAX_COLUMNS)
                    + " columns. Check the delimiter.";
        } else if (message.contains("Unclosed quoted field")) {
            explained = "Line " + line + " opens a quote (\") that is never closed. Check the quotes.";
        } else if (message.contains("after closing quote")) {
            explained = "Line " + line + " has text right after a closing quote (\"). Quote the whole value, and "
                    + "write a quote inside a value as two quotes (\"\").";
        } else {
            explained = "Line " + line + " could not be read as CSV (" + message + ").";
        }
        return new IllegalArgumentException(explained, e);
    }

    private static String lineOf(String message) {
        Matcher matcher = LINE.matcher(message);
        String line = "1";
        while (matcher.find()) {
            line = matcher.group(1);
        }
        return line;
    }
}
