package org.grassroots.crm.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.grassroots.crm.pluginhost.internal.SecretCipher.Sealed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String SECRET = "mc-api-key-0123456789abcdef-us21";

    @TempDir
    Path home;

    @Test
    void roundTripsWithAFreshNonceEachTimeAndNoClearTextInTheCiphertext() throws Exception {
        SecretCipher cipher = cipher(home.resolve("a.key"));

        Sealed first = cipher.seal("mailchimp", "apiKey", SECRET);
        Sealed second = cipher.seal("mailchimp", "apiKey", SECRET);

        assertThat(cipher.open("mailchimp", "apiKey", first)).isEqualTo(SECRET);
        assertThat(cipher.open("mailchimp", "apiKey", second)).isEqualTo(SECRET);
        assertThat(first.nonce()).hasSize(12).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        // 16 bytes of GCM tag follow the encrypted bytes
        assertThat(first.ciphertext()).hasSize(SECRET.getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(new String(first.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("api-key");
    }

    @Test
    void aChangedCiphertextOrNonceIsDetected() throws Exception {
        SecretCipher cipher = cipher(home.resolve("a.key"));
        Sealed sealed = cipher.seal("mailchimp", "apiKey", SECRET);

        byte[] ciphertext = sealed.ciphertext().clone();
        ciphertext[3] ^= 0x01;
        byte[] nonce = sealed.nonce().clone();
        nonce[0] ^= 0x01;
        byte[] truncated = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length - 1);

        assertThatThrownBy(() -> cipher.open("mailchimp", "apiKey", new Sealed(ciphertext, sealed.nonce())))
                .isInstanceOf(SecretCipher.UndecryptableException.class);
        assertThatThrownBy(() -> cipher.open("mailchimp", "apiKey", new Sealed(sealed.ciphertext(), nonce)))
                .isInstanceOf(SecretCipher.UndecryptableException.class);
        assertThatThrownBy(() -> cipher.open("mailchimp", "apiKey", new Sealed(truncated, sealed.nonce())))
                .isInstanceOf(SecretCipher.UndecryptableException.class);
    }

    @Test
    void aCiphertextIsBoundToItsPluginAndSetting() throws Exception {
        SecretCipher cipher = cipher(home.resolve("a.key"));
        Sealed sealed = cipher.seal("mailchimp", "apiKey", SECRET);

        assertThatThrownBy(() -> cipher.open("mailchimp", "webhookSecret", sealed))
                .isInstanceOf(SecretCipher.UndecryptableException.class);
        assertThatThrownBy(() -> cipher.open("other-plugin", "apiKey", sealed))
                .isInstanceOf(SecretCipher.UndecryptableException.class);
        // the separator keeps ("ab", "c") and ("a", "bc") apart
        Sealed joined = cipher.seal("ab", "c", SECRET);
        assertThatThrownBy(() -> cipher.open("a", "bc", joined))
                .isInstanceOf(SecretCipher.UndecryptableException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() throws Exception {
        Sealed sealed = cipher(home.resolve("a.key")).seal("mailchimp", "apiKey", SECRET);

        SecretCipher otherKey = cipher(home.resolve("b.key"));

        assertThatThrownBy(() -> otherKey.open("mailchimp", "apiKey", sealed))
                .isInstanceOf(SecretCipher.UndecryptableException.class);
    }

    @Test
    void aConfiguredKeyIsUsedInsteadOfAKeyFile() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String base64 = Base64.getEncoder().encodeToString(key);
        Path unused = home.resolve("never.key");
        SecretCipher configured = new SecretCipher(new SecretsKeyFile(base64, unused, new SecureRandom()));
        Sealed sealed = configured.seal("p", "k", SECRET);

        SecretCipher sameKey = new SecretCipher(new SecretsKeyFile(" " + base64 + "\n", unused, new SecureRandom()));

        assertThat(sameKey.open("p", "k", sealed)).isEqualTo(SECRET);
        assertThat(unused).doesNotExist();
    }

    private static SecretCipher cipher(Path keyFile) {
        return new SecretCipher(new SecretsKeyFile(null, keyFile, new SecureRandom()));
    }
}
