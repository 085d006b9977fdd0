package org.grassroots.plugins.emaillistsync.mailchimp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files out of a {@code .tar.gz} (Mailchimp's batch results): POSIX ustar and GNU tar headers,
 * GNU long names ({@code L} entries) and pax headers ({@code x}, {@code g}, skipped but for a {@code path}), sizes in
 * octal or base-256. Directories, links and other entries are skipped. Written here rather than bundling a
 * compression library, as these ~100 lines are all the plugin needs; no file may be larger than
 * {@value #MAX_FILE_BYTES} bytes, so a hostile archive cannot exhaust memory.
 */
final class TarGzReader {

    /** One regular file of the archive. */
    record Entry(String name, byte[] content) {
    }

    static final int MAX_FILE_BYTES = 256 * 1024 * 1024;
    private static final int BLOCK = 512;

    private TarGzReader() {
    }

    /** The archive's regular files, in archive order. */
    static List<Entry> read(byte[] tarGz) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tarGz))) {
            String pendingName = null;
            byte[] header = new byte[BLOCK];
            while (readBlock(in, header)) {
                if (isZero(header)) {
                    break;
                }
                verifyChecksum(header);
                String name = string(header, 0, 100);
                String prefix = string(header, 345, 155);
                if (!prefix.isEmpty() && isUstar(header)) {
                    name = prefix + "/" + name;
                }
                long size = number(header, 124, 12);
                if (size < 0 || size > MAX_FILE_BYTES) {
                    throw new IOException("A file in the archive claims " + size + " bytes");
                }
                byte type = header[156];
                byte[] content = in.readNBytes((int) size);
                if (content.length != size) {
                    throw new IOException("The archive ends inside the file " + name);
                }
                in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                switch (type) {
                    case 'L' -> pendingName = string(content, 0, content.length);
                    case 'x' -> pendingName = paxPath(content, pendingName);
                    case 'g' -> { }
                    case '0', 0, '7' -> {
                        entries.add(new Entry(pendingName != null ? pendingName : name, content));
                        pendingName = null;
                    }
                    default -> pendingName = null;
                }
            }
        } catch (java.io.EOFException e) {
            throw new IOException("The archive is truncated", e);
        }
        return entries;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read != BLOCK) {
            throw new IOException("The archive ends inside a header");
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUstar(byte[] header) {
        return string(header, 257, 6).startsWith("ustar");
    }

    private static void verifyChecksum(byte[] header) throws IOException {
        long stored = number(header, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        }
        if (sum != stored) {
            throw new IOException("Not a tar archive (bad header checksum)");
        }
    }

    /** An octal number (NUL or space terminated), or a base-256 one when the first byte's high bit is set. */
    static long number(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7f;
            for (int i = 1; i < length; i++) {
                value = (value << 8) | (header[offset + i] & 0xff);
            }
            return value;
        }
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = header[i];
            if (b == 0 || (b == ' ' && value > 0)) {
                break;
            }
            if (b != ' ') {
                value = value * 8 + (b - '0');
            }
        }
        return value;
    }

    private static String string(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** The {@code path} record of a pax header ("{length} path={value}\n" records), else the name known so far. */
    private static String paxPath(byte[] content, String current) {
        String text = new String(content, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return current;
    }
}
