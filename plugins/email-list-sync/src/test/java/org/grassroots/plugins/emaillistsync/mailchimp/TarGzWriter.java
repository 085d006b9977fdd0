package org.grassroots.plugins.emaillistsync.mailchimp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Writes a POSIX ustar {@code .tar.gz} in memory, as Mailchimp's batch results come; for {@link FakeMailchimp}. */
final class TarGzWriter {

    private static final int BLOCK = 512;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStream out;

    TarGzWriter() {
        try {
            out = new GZIPOutputStream(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a directory entry; {@code name} ends with a slash. */
    TarGzWriter directory(String name) {
        return entry(name, new byte[0], (byte) '5');
    }

    /** Adds a regular file. */
    TarGzWriter file(String name, byte[] content) {
        return entry(name, content, (byte) '0');
    }

    /** The finished archive (two zero blocks end it). */
    byte[] finish() {
        try {
            out.write(new byte[BLOCK * 2]);
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private TarGzWriter entry(String name, byte[] content, byte type) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            throw new IllegalArgumentException("names over 100 bytes need a prefix; not supported here: " + name);
        }
        byte[] header = new byte[BLOCK];
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        octal(header, 100, 8, type == '5' ? 0755 : 0644);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, content.length);
        octal(header, 136, 12, 1_700_000_000L);
        header[156] = type;
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 8);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        octal(header, 148, 7, sum);
        header[155] = ' ';
        try {
            out.write(header);
            out.write(content);
            out.write(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code length - 1} octal digits and a NUL. */
    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, header, offset, length - 1);
        header[offset + length - 1] = 0;
    }
}
