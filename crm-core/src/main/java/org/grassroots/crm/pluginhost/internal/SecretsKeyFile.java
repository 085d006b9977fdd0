package org.grassroots.crm.pluginhost.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the 256-bit key that encrypts plugin secrets comes from: a configured base64 value ({@code CRM_SECRETS_KEY})
 * if there is one, else a key file outside the data directory, generated with {@link SecureRandom} on first use and
 * readable by its owner only. Keeping the key apart from the database means a copy of the database (a backup, a
 * dump handed to a developer) does not reveal the secrets.
 */
public final class SecretsKeyFile {

    static final int KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(SecretsKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final @Nullable String configured;
    private final Path keyFile;
    private final SecureRandom random;

    /**
     * @param configured the base64 key from configuration, or {@code null}/blank to use the key file
     * @param keyFile    the key file used when no key is configured
     */
    public SecretsKeyFile(@Nullable String configured, Path keyFile, SecureRandom random) {
        this.configured = configured == null || configured.isBlank() ? null : configured.trim();
        this.keyFile = keyFile.toAbsolutePath().normalize();
        this.random = random;
    }

    /**
     * Checks a key that already exists (configured, or a key file on disk) without creating one, so a corrupt key
     * stops the application at start-up instead of at the first secret.
     *
     * @throws IllegalStateException naming the setting or file when the key is not 32 base64-encoded bytes
     */
    public void checkExisting() {
        if (configured != null || Files.exists(keyFile)) {
            load();
        }
    }

    /** The key, generating the key file when neither it nor a configured key exists. */
    public SecretKey load() {
        if (configured != null) {
            return decode(configured, "CRM_SECRETS_KEY (crm.secrets.key)");
        }
        if (!Files.exists(keyFile)) {
            generate();
        }
        warnIfOthersMayRead();
        try {
            return decode(Files.readString(keyFile, StandardCharsets.US_ASCII), "The secrets key file " + keyFile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the secrets key file " + keyFile + ": " + e.getMessage(), e);
        }
    }

    Path keyFile() {
        return keyFile;
    }

    private static SecretKey decode(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not base64: it must hold a 256-bit key as 44 base64 "
                    + "characters (for example from `openssl rand -base64 32`)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(what + " holds " + bytes.length + " bytes; a secrets key is exactly "
                    + KEY_BYTES + " bytes (256 bits), base64-encoded. Restore the original key, or if it is lost, "
                    + "remove it and re-enter every plugin secret.");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private void generate() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            Path directory = keyFile.getParent();
            if (directory != null && !Files.isDirectory(directory)) {
                if (posix) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                } else {
                    Files.createDirectories(directory);
                }
            }
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                    : new FileAttribute<?>[0];
            // CREATE_NEW: two instances starting together on one host cannot overwrite each other's key
            try (var channel = Files.newByteChannel(keyFile,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
                channel.write(java.nio.ByteBuffer.wrap(text));
            }
            log.warn("Generated a new key for plugin secrets in {} (owner-only). Back it up apart from the database: "
                    + "without it, saved plugin secrets cannot be read.", keyFile);
        } catch (FileAlreadyExistsException e) {
            // another instance created it a moment ago: use theirs
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the secrets key file " + keyFile + " (" + e.getMessage()
                    + "). Set crm.secrets.key-file to a writable place, or CRM_SECRETS_KEY to a base64 key.", e);
        }
    }

    private void warnIfOthersMayRead() {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
            if (!OWNER_ONLY_FILE.containsAll(permissions)) {
                log.warn("The secrets key file {} may be read by others ({}); restrict it with chmod 600", keyFile,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }
}
