package org.grassroots.plugins.petitionimport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A large file made on the fly instead of committed: {@code head} once, then {@code repeated} over and over, cut at
 * {@code size} bytes. Counts how many bytes the reader took, to show that it stopped early.
 */
final class GeneratedStream extends InputStream {

    private final byte[] head;
    private final byte[] repeated;
    private final long size;
    private long position;

    GeneratedStream(String head, String repeated, long size) {
        this.head = head.getBytes(StandardCharsets.UTF_8);
        this.repeated = repeated.getBytes(StandardCharsets.UTF_8);
        this.size = size;
    }

    long bytesRead() {
        return position;
    }

    @Override
    public int read() {
        if (position >= size) {
            return -1;
        }
        return byteAt(position++) & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = byteAt(position++);
        }
        return n;
    }

    private byte byteAt(long at) {
        if (at < head.length) {
            return head[(int) at];
        }
        return repeated[(int) ((at - head.length) % repeated.length)];
    }
}
