package org.grassroots.crm.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.spec.SecretKeySpec;

import org.grassroots.crm.pluginhost.DerivedKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The encrypted file format on its own: round trips at chunk edges, and every kind of damage refused. */
class ExportFileCipherTest {

    private static final int CHUNK = ExportFileCipher.CHUNK;
    private static final String CONTEXT = "export 7 production 9";

    /** Derives a different, fixed key per purpose, like the real secrets key would. */
    private final ExportFileCipher cipher = cipher((byte) 1);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17})
    void whatIsWrittenReadsBackExactlyWhateverItsSize(int size) throws IOException {
        byte[] content = content(size);
        byte[] sealed = seal(content, CONTEXT);

        assertThat(sealed.length).isGreaterThan(size);
        assertThat(open(sealed, CONTEXT)).isEqualTo(content);
    }

    @Test
    void theFileHoldsNoPlaintext() throws IOException {
        byte[] content = "first_name,email\nAda,ada@example.org\n".repeat(5000).getBytes(StandardCharsets.UTF_8);

        String sealed = new String(seal(content, CONTEXT), StandardCharsets.ISO_8859_1);

        assertThat(sealed).doesNotContain("ada@example.org", "first_name", "Ada");
        // a fresh key per file: the same content never gives the same bytes
        assertThat(seal(content, CONTEXT)).isNotEqualTo(sealed.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aChangedByteAnywhereIsRefused() throws IOException {
        byte[] sealed = seal(content(2 * CHUNK + 100), CONTEXT);
        for (int position : new int[] {3, 20, 100, CHUNK + 200, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[position] ^= 1;
            assertThatThrownBy(() -> open(changed, CONTEXT)).as("byte %d changed", position)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aFileCutShortIsRefusedEvenAtAChunkBoundary() throws IOException {
        byte[] sealed = seal(content(3 * CHUNK + 5), CONTEXT);
        int header = sealed.length - (3 * (CHUNK + ExportFileCipher.TAG_BYTES) + 5 + ExportFileCipher.TAG_BYTES);
        int afterTwoChunks = header + 2 * (CHUNK + ExportFileCipher.TAG_BYTES);

        assertThatThrownBy(() -> open(Arrays.copyOf(sealed, afterTwoChunks), CONTEXT))
                .isInstanceOf(IOException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> open(Arrays.copyOf(sealed, sealed.length - 3), CONTEXT))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aFileDoesNotOpenAsAnotherExportOrWithAnotherSecretsKey() throws IOException {
        byte[] sealed = seal(content(1000), CONTEXT);

        assertThatThrownBy(() -> open(sealed, "export 8 production 9")).isInstanceOf(IOException.class)
                .hasMessageContaining("belongs to another export");
        assertThatThrownBy(() -> cipher((byte) 2).decrypt(new ByteArrayInputStream(sealed), CONTEXT))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> open("plain text, not sealed".getBytes(StandardCharsets.UTF_8), CONTEXT))
                .isInstanceOf(IOException.class).hasMessageContaining("not an encrypted export file");
    }

    @Test
    void theMatchKeyIsSealedForOneProduction() throws IOException {
        byte[] key = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = cipher.sealMatchKey(9, key);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("horse");
        assertThat(cipher.openMatchKey(9, sealed)).isEqualTo(key);
        assertThatThrownBy(() -> cipher.openMatchKey(10, sealed)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> cipher((byte) 2).openMatchKey(9, sealed)).isInstanceOf(IOException.class);
    }

    private byte[] seal(byte[] content, String context) throws IOException {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = cipher.encrypt(sealed, context)) {
            // odd write sizes, so chunks fill across calls
            for (int offset = 0; offset < content.length; offset += 777) {
                out.write(content, offset, Math.min(777, content.length - offset));
            }
        }
        return sealed.toByteArray();
    }

    private byte[] open(byte[] sealed, String context) throws IOException {
        try (InputStream in = cipher.decrypt(new ByteArrayInputStream(sealed), context)) {
            return in.readAllBytes();
        }
    }

    private static byte[] content(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return content;
    }

    private static ExportFileCipher cipher(byte secret) {
        DerivedKeys keys = purpose -> {
            byte[] key = new byte[32];
            Arrays.fill(key, secret);
            key[0] = (byte) purpose.hashCode();
            return new SecretKeySpec(key, "AES");
        };
        return new ExportFileCipher(keys);
    }
}
