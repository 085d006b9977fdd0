package org.grassroots.crm.pluginhost.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.grassroots.crm.pluginhost.DerivedKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts plugin secrets with AES-256-GCM: a fresh random 96-bit nonce per value, a 128-bit tag, and the plugin id
 * and setting key as associated data, so a ciphertext copied onto another setting or plugin fails to decrypt instead
 * of handing one plugin's secret to another. Also derives other features' keys from the same secrets key
 * ({@link DerivedKeys}).
 */
@Component
public class SecretCipher implements DerivedKeys {

    static final String KEY_PROPERTY = "crm.secrets.key";
    static final String KEY_VARIABLE = "CRM_SECRETS_KEY";
    static final String KEY_FILE_PROPERTY = "crm.secrets.key-file";
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String AAD_CONTEXT = "grassroots-crm/plugin-setting/v1";
    private static final byte[] DERIVATION_SALT = "grassroots-crm/derived-keys".getBytes(StandardCharsets.UTF_8);

    /** A ciphertext (with its tag) and the nonce it was sealed with. */
    public record Sealed(byte[] ciphertext, byte[] nonce) {
    }

    /** The value cannot be decrypted: another key, or the bytes or their plugin/key binding were changed. */
    public static class UndecryptableException extends Exception {
        UndecryptableException(Throwable cause) {
            super(cause);
        }
    }

    private final SecretsKeyFile keySource;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;

    @Autowired
    SecretCipher(Environment environment) {
        this(new SecretsKeyFile(environment.getProperty(KEY_PROPERTY, environment.getProperty(KEY_VARIABLE, "")),
                Path.of(environment.getProperty(KEY_FILE_PROPERTY,
                        System.getProperty("user.home") + "/.grassroots-crm/secrets.key")), new SecureRandom()));
    }

    /** Checks an existing key at once, so a corrupt one fails the start-up with a message naming it. */
    public SecretCipher(SecretsKeyFile keySource) {
        this.keySource = keySource;
        keySource.checkExisting();
    }

    public Sealed seal(String pluginId, String settingKey, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, pluginId, settingKey);
            return new Sealed(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)), nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public String open(String pluginId, String settingKey, Sealed sealed) throws UndecryptableException {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealed.nonce(), pluginId, settingKey);
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // AEADBadTagException for a wrong key or changed bytes; the others for a mangled nonce
            throw new UndecryptableException(e);
        }
    }

    @Override
    public SecretKey derive(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A derived key needs a purpose");
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(key().getEncoded(), DERIVATION_SALT, purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] derived = new byte[SecretsKeyFile.KEY_BYTES];
        hkdf.generateBytes(derived, 0, derived.length);
        return new SecretKeySpec(derived, "AES");
    }

    private Cipher cipher(int mode, byte[] nonce, String pluginId, String settingKey)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        // NUL cannot occur in a plugin id or a setting key, so no two (plugin, key) pairs give the same bytes
        cipher.updateAAD((AAD_CONTEXT + '\0' + pluginId + '\0' + settingKey).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private SecretKey key() {
        SecretKey loaded = key;
        if (loaded == null) {
            synchronized (this) {
                loaded = key;
                if (loaded == null) {
                    loaded = keySource.load();
                    key = loaded;
                }
            }
        }
        return loaded;
    }
}
