package org.grassroots.plugins.petitionimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.jspecify.annotations.Nullable;

/**
 * Reads the first 64 KB of a file to refuse what is not text and to find the encoding and the delimiter that
 * {@link CsvOptions} leaves open. The sample is then handed on in front of the rest of the stream, so nothing is read
 * twice and memory stays at the sample's size.
 *
 * <ul>
 *   <li>Encoding: a byte order mark decides (UTF-8, or UTF-16 as Excel's "Unicode text" has it); otherwise the
 *       sample is UTF-8 if it decodes as strict UTF-8 (a character cut at the 64 KB boundary is fine), else
 *       Windows-1252, the encoding of Excel's "CSV" on Windows (a superset of ISO-8859-1 for letters).</li>
 *   <li>Delimiter: whichever of comma, semicolon and tab occurs most often outside quotes in the header line;
 *       comma on a tie or when there is none.</li>
 * </ul>
 */
final class CsvFormatDetector {

    static final int SAMPLE_BYTES = 64 * 1024;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    /** Text has the odd form feed or escape; binary data has control bytes all over. */
    private static final int MIN_CONTROL_BYTES = 8;

    private CsvFormatDetector() {
    }

    /**
     * Reads the sample from {@code in} and detects what {@code options} leaves open.
     *
     * @throws IllegalArgumentException when the file is binary or empty
     */
    static DetectedFile detect(InputStream in, CsvOptions options) throws IOException {
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        boolean wholeFile = sample.length < SAMPLE_BYTES;
        Charset marked = byteOrderMark(sample);
        Charset charset = options.charset() != null ? options.charset()
                : marked != null ? marked
                : isUtf8(sample, wholeFile) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        int start = marked != null && marked.equals(charset) ? markLength(marked) : 0;
        if (!isWideUnicode(charset)) {
            checkText(sample, start);
        }
        String text = new String(sample, start, sample.length - start, charset);
        if (wholeFile && text.isBlank()) {
            throw new IllegalArgumentException("The file is empty.");
        }
        char delimiter = options.delimiter() != null ? options.delimiter() : delimiterOf(text);
        InputStream content = new SequenceInputStream(
                new ByteArrayInputStream(sample, start, sample.length - start), in);
        return new DetectedFile(charset, delimiter, content);
    }

    private static @Nullable Charset byteOrderMark(byte[] sample) {
        if (startsWith(sample, UTF8_BOM)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(sample, UTF16LE_BOM)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(sample, UTF16BE_BOM)) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static int markLength(Charset marked) {
        return marked.equals(StandardCharsets.UTF_8) ? UTF8_BOM.length : UTF16LE_BOM.length;
    }

    private static boolean startsWith(byte[] sample, byte[] prefix) {
        if (sample.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (sample[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWideUnicode(Charset charset) {
        String name = charset.name();
        return name.startsWith("UTF-16") || name.startsWith("UTF-32");
    }

    /** Strict UTF-8; a sequence cut by the end of the sample counts as valid unless the sample is the whole file. */
    private static boolean isUtf8(byte[] sample, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(sample.length);
        if (decoder.decode(ByteBuffer.wrap(sample), chars, wholeFile).isError()) {
            return false;
        }
        return !wholeFile || !decoder.flush(chars).isError();
    }

    /** Refuses a NUL byte, or more control bytes than text ever has (1% of the sample, at least 8). */
    private static void checkText(byte[] sample, int start) {
        int controls = 0;
        int firstControl = -1;
        for (int i = start; i < sample.length; i++) {
            int b = sample[i] & 0xFF;
            if (b == 0) {
                throw notText(i);
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                controls++;
                if (firstControl < 0) {
                    firstControl = i;
                }
            }
        }
        if (controls >= Math.max(MIN_CONTROL_BYTES, (sample.length - start) / 100)) {
            throw notText(firstControl);
        }
    }

    private static IllegalArgumentException notText(int offset) {
        return new IllegalArgumentException("This is not a text file: it contains binary data near byte " + offset
                + ". Upload a CSV export.");
    }

    /** The most frequent of comma, semicolon and tab outside quotes in the first non-empty line; comma on a tie. */
    static char delimiterOf(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        int i = 0;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i++;
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                }
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (semicolons > commas && semicolons > tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }
}
