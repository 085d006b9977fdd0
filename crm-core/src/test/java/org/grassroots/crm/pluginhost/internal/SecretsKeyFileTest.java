package org.grassroots.crm.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsKeyFileTest {

    @TempDir
    Path home;

    @Test
    void generatesA256BitKeyOnFirstUseAndReadsTheSameOneAfterwards() throws Exception {
        Path keyFile = home.resolve(".grassroots-crm/secrets.key");
        SecretsKeyFile source = new SecretsKeyFile(null, keyFile, new SecureRandom());

        source.checkExisting();
        assertThat(keyFile).as("checking creates nothing").doesNotExist();

        SecretKey first = source.load();
        SecretKey again = new SecretsKeyFile(null, keyFile, new SecureRandom()).load();

        assertThat(first.getEncoded()).hasSize(32).isEqualTo(again.getEncoded());
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).trim())).isEqualTo(first.getEncoded());
    }

    @Test
    void theKeyFileAndItsFolderAreForTheOwnerOnly() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path keyFile = home.resolve("new-folder/secrets.key");

        new SecretsKeyFile(null, keyFile, new SecureRandom()).load();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void aShortOrCorruptKeyFileStopsTheStartWithItsName() throws Exception {
        Path shortKey = home.resolve("short.key");
        Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[16]));
        Path garbage = home.resolve("garbage.key");
        Files.writeString(garbage, "this is not base64 at all!", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new SecretsKeyFile(null, shortKey, new SecureRandom()).checkExisting())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(shortKey.toString()).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> new SecretCipher(new SecretsKeyFile(null, garbage, new SecureRandom())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(garbage.toString()).hasMessageContaining("not base64");
    }

    @Test
    void aBadConfiguredKeyIsNamedAndNoFileIsWritten() {
        Path keyFile = home.resolve("secrets.key");

        assertThatThrownBy(() -> new SecretsKeyFile("c2hvcnQ=", keyFile, new SecureRandom()).checkExisting())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CRM_SECRETS_KEY")
                .hasMessageContaining("5 bytes");
        assertThat(keyFile).doesNotExist();
    }

    @Test
    void anExistingKeyFileIsNeverReplaced() throws Exception {
        Path keyFile = home.resolve("secrets.key");
        byte[] key = new byte[32];
        key[0] = 42;
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");

        SecretKey loaded = new SecretsKeyFile(null, keyFile, new SecureRandom()).load();

        assertThat(loaded.getEncoded()).isEqualTo(key);
    }
}
