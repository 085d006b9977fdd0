package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.grassroots.crm.pluginhost.DerivedKeys;
import org.springframework.stereotype.Component;

/**
 * Encrypts export files as they are written and decrypts them as they are read, never holding a whole file (ADR
 * 0014). Each file gets a fresh random 256-bit key, stored in the file's header wrapped (AES-256-GCM) with a key
 * derived from the secrets key and bound to the file's context (its export and production), so a file renamed onto
 * another export does not open. The content follows in chunks of {@value #CHUNK} bytes, each sealed with AES-GCM under
 * the file's key with a nonce made of the chunk's number and a last-chunk flag: a changed, reordered or cut-short file
 * fails to decrypt instead of yielding wrong rows. Also seals the partner's match key for the job's payload.
 */
@Component
public class ExportFileCipher {

    static final int CHUNK = 64 * 1024;
    static final int TAG_BYTES = 16;
    static final int NONCE_BYTES = 12;
    private static final int KEY_BYTES = 32;
    private static final byte[] MAGIC = {'G', 'R', 'C', 'X', 1};
    private static final int HEADER_BYTES = MAGIC.length + NONCE_BYTES + KEY_BYTES + TAG_BYTES;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String FILE_KEYS = "grassroots-crm/export-files/v1";
    private static final String MATCH_KEYS = "grassroots-crm/export-match-keys/v1";

    private final DerivedKeys keys;
    private final SecureRandom random = new SecureRandom();

    ExportFileCipher(DerivedKeys keys) {
        this.keys = keys;
    }

    /** Starts an encrypted file on {@code out} (closed with the returned stream). */
    public OutputStream encrypt(OutputStream out, String context) throws IOException {
        byte[] fileKey = new byte[KEY_BYTES];
        random.nextBytes(fileKey);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] wrapped = seal(keys.derive(FILE_KEYS), nonce, fileKey, aad("file", context));
        out.write(MAGIC);
        out.write(nonce);
        out.write(wrapped);
        SecretKey key = new SecretKeySpec(fileKey, "AES");
        Arrays.fill(fileKey, (byte) 0);
        return new SealingStream(out, key);
    }

    /**
     * Opens an encrypted file from {@code in} (closed with the returned stream); the header is checked at once.
     *
     * @throws IOException when the file is not an export file of this context or not readable with this key
     */
    public InputStream decrypt(InputStream in, String context) throws IOException {
        byte[] header = in.readNBytes(HEADER_BYTES);
        if (header.length < HEADER_BYTES || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("It is not an encrypted export file");
        }
        byte[] nonce = Arrays.copyOfRange(header, MAGIC.length, MAGIC.length + NONCE_BYTES);
        byte[] wrapped = Arrays.copyOfRange(header, MAGIC.length + NONCE_BYTES, HEADER_BYTES);
        try {
            byte[] fileKey = open(keys.derive(FILE_KEYS), nonce, wrapped, aad("file", context));
            return new OpeningStream(in, new SecretKeySpec(fileKey, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IOException("It cannot be decrypted: it belongs to another export, was changed, or was "
                    + "encrypted with another secrets key", e);
        }
    }

    /** The partner's match key, sealed for one production: nonce then ciphertext. */
    public byte[] sealMatchKey(long productionId, byte[] matchKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = seal(keys.derive(MATCH_KEYS), nonce, matchKey, aad("match-key", "production " + productionId));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    /** @throws IOException when the sealed key was changed or sealed for another production or secrets key */
    public byte[] openMatchKey(long productionId, byte[] sealed) throws IOException {
        try {
            return open(keys.derive(MATCH_KEYS), Arrays.copyOf(sealed, NONCE_BYTES),
                    Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length),
                    aad("match-key", "production " + productionId));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("The key agreed with the partner cannot be decrypted with the current secrets key",
                    e);
        }
    }

    private static byte[] aad(String what, String context) {
        // NUL cannot occur in either part, so no two (what, context) pairs give the same bytes
        return ("grassroots-crm/export/" + what + '\0' + context).getBytes(StandardCharsets.UTF_8);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static byte[] seal(SecretKey key, byte[] nonce, byte[] plaintext, byte[] aad) {
        try {
            Cipher cipher = newCipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static byte[] open(SecretKey key, byte[] nonce, byte[] ciphertext, byte[] aad)
            throws GeneralSecurityException {
        Cipher cipher = newCipher();
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(ciphertext);
    }

    /** The nonce of chunk {@code index}: its number and whether it is the last, so chunks cannot move or vanish. */
    static byte[] chunkNonce(long index, boolean last) {
        return ByteBuffer.allocate(NONCE_BYTES).putShort((short) 0).put((byte) 0).putLong(index)
                .put((byte) (last ? 1 : 0)).array();
    }

    /** Buffers one chunk; a full chunk is sealed only once more bytes follow, so the last one is always marked. */
    private static final class SealingStream extends OutputStream {

        private final OutputStream out;
        private final SecretKey key;
        private final Cipher cipher;
        private final byte[] chunk = new byte[CHUNK];
        private final byte[] sealed = new byte[CHUNK + TAG_BYTES];
        private int filled;
        private long index;
        private boolean closed;

        SealingStream(OutputStream out, SecretKey key) {
            this.out = out;
            this.key = key;
            this.cipher = newCipher();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == CHUNK) {
                    sealChunk(false);
                }
                int n = Math.min(length, CHUNK - filled);
                System.arraycopy(bytes, offset, chunk, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (out) {
                sealChunk(true);
            }
        }

        private void sealChunk(boolean last) throws IOException {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, chunkNonce(index++, last)));
                int n = cipher.doFinal(chunk, 0, filled, sealed, 0);
                out.write(sealed, 0, n);
                filled = 0;
            } catch (GeneralSecurityException e) {
                throw new IOException("Could not encrypt the export file", e);
            }
        }
    }

    /** Reads and checks one chunk at a time; a chunk shorter than full, or followed by nothing, is the last. */
    private static final class OpeningStream extends InputStream {

        private final InputStream in;
        private final SecretKey key;
        private final Cipher cipher;
        private final byte[] sealed = new byte[CHUNK + TAG_BYTES];
        private final byte[] plain = new byte[CHUNK];
        private int position;
        private int limit;
        private long index;
        private boolean lastRead;
        private int lookahead = -1;

        OpeningStream(InputStream in, SecretKey key) {
            this.in = in;
            this.key = key;
            this.cipher = newCipher();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == limit) {
                if (lastRead) {
                    return -1;
                }
                openChunk();
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(plain, position, bytes, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private void openChunk() throws IOException {
            int read = 0;
            if (lookahead >= 0) {
                sealed[read++] = (byte) lookahead;
                lookahead = -1;
            }
            read += in.readNBytes(sealed, read, sealed.length - read);
            boolean last = read < sealed.length || (lookahead = in.read()) < 0;
            if (read < TAG_BYTES) {
                throw damaged(null);
            }
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, chunkNonce(index++, last)));
                limit = cipher.doFinal(sealed, 0, read, plain, 0);
                position = 0;
                lastRead = last;
            } catch (GeneralSecurityException e) {
                throw damaged(e);
            }
        }

        private static IOException damaged(Exception cause) {
            return new IOException("The export file is damaged or cut short: it does not decrypt", cause);
        }
    }
}
