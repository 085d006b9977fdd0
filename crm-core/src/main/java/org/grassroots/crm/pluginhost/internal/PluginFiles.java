package org.grassroots.crm.pluginhost.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.pf4j.util.FileUtils;

/** File chores of the plugins folder. */
final class PluginFiles {

    private PluginFiles() {
    }

    /** The SHA-256 of a file, lower-case hex. */
    static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What keeps an installed plugin's file from being loaded, or {@code null}: missing, changed, not allowed. */
    static @Nullable String problemWith(PluginInstallation installation, PluginHostProperties properties) {
        Path file = properties.dir().resolve(installation.fileName());
        if (!Files.isRegularFile(file)) {
            return "its file " + installation.fileName() + " is missing from the plugins folder " + properties.dir();
        }
        String sha256 = sha256(file);
        if (!sha256.equals(installation.sha256())) {
            return "its file " + installation.fileName() + " changed after it was installed (SHA-256 " + sha256 + ")";
        }
        if (!properties.allowedSha256().isEmpty() && !properties.allowedSha256().contains(sha256)) {
            return "its SHA-256 " + sha256 + " is not on the allow-list (crm.plugins.allowed-sha256)";
        }
        return null;
    }

    /** Deletes an installed plugin file and, for a zip, the folder pf4j expanded it into. */
    static void deleteInstalled(Path pluginsDir, String fileName) throws IOException {
        Path file = pluginsDir.resolve(fileName);
        Files.deleteIfExists(file);
        if (fileName.endsWith(".zip")) {
            Path expanded = pluginsDir.resolve(fileName.substring(0, fileName.length() - ".zip".length()));
            if (Files.isDirectory(expanded)) {
                FileUtils.delete(expanded);
            }
        }
    }

    /** Copies at most {@code limit} bytes; returns false (with the copy incomplete) when there is more. */
    static boolean copyAtMost(InputStream in, Path target, long limit) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > limit) {
                    return false;
                }
                out.write(buffer, 0, read);
            }
        }
        return true;
    }
}
