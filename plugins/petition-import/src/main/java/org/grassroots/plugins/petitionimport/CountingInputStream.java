package org.grassroots.plugins.petitionimport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from the uploaded file, for progress in bytes. Closing it leaves the file open: the caller
 * that handed the stream in owns it.
 */
final class CountingInputStream extends FilterInputStream {

    private long bytes;

    CountingInputStream(InputStream in) {
        super(in);
    }

    /** Bytes read so far (the parser reads ahead a few kilobytes of what it has parsed). */
    long bytes() {
        return bytes;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            bytes++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            bytes += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        bytes += skipped;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the owner of the underlying stream closes it
    }
}
