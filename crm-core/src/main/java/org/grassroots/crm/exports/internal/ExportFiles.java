package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * The encrypted export files in {@code crm.exports.dir}: {@code export-<definition>-<production>.enc} once
 * produced, with a {@code .part} suffix while a job writes it (moved into place only when complete). Each file is
 * bound to its export and production by {@link ExportFileCipher}. Folder and files are owner-only where the file
 * system allows.
 */
@Component
public class ExportFiles {

    private static final Pattern NAME = Pattern.compile("export-(\\d+)-(\\d+)\\.enc(\\.part)?");
    private static final String PART = ".part";

    private final Path dir;
    private final ExportFileCipher cipher;

    ExportFiles(ExportsProperties properties, ExportFileCipher cipher) {
        this.dir = properties.dir().toAbsolutePath().normalize();
        this.cipher = cipher;
    }

    /** A stored file's name, as recorded with its production. */
    public static String name(long definitionId, long productionId) {
        return "export-" + definitionId + "-" + productionId + ".enc";
    }

    /** Starts the encrypted file of a production, replacing a partial one an earlier attempt left. */
    public OutputStream create(long definitionId, long productionId) throws IOException {
        createFolder();
        Path part = part(definitionId, productionId);
        Files.deleteIfExists(part);
        if (posix()) {
            Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return cipher.encrypt(Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), context(definitionId, productionId));
    }

    /** Moves a complete file into place; returns its size on disk. */
    public long publish(long definitionId, long productionId) throws IOException {
        Path file = dir.resolve(name(definitionId, productionId));
        Files.move(part(definitionId, productionId), file, StandardCopyOption.ATOMIC_MOVE);
        return Files.size(file);
    }

    /**
     * The decrypted content of a produced file.
     *
     * @throws NoSuchFileException when the file is not in the folder
     * @throws IOException         when it does not decrypt (changed, cut short, another secrets key)
     */
    public InputStream open(long definitionId, long productionId) throws IOException {
        InputStream in = Files.newInputStream(dir.resolve(name(definitionId, productionId)));
        try {
            return cipher.decrypt(in, context(definitionId, productionId));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Deletes the production's file and any partial one; true if there was something to delete. */
    public boolean delete(long definitionId, long productionId) throws IOException {
        boolean part = Files.deleteIfExists(part(definitionId, productionId));
        return Files.deleteIfExists(dir.resolve(name(definitionId, productionId))) || part;
    }

    public boolean exists(long definitionId, long productionId) {
        return Files.isRegularFile(dir.resolve(name(definitionId, productionId)));
    }

    /** Every export file in the folder, complete or partial. */
    public List<StoredFile> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> NAME.matcher(file.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> new StoredFile(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                            m.group(3) != null))
                    .toList();
        }
    }

    /** A file in the folder: the export and production it belongs to, and whether it is still being written. */
    public record StoredFile(long definitionId, long productionId, boolean partial) {
    }

    Path dir() {
        return dir;
    }

    private Path part(long definitionId, long productionId) {
        return dir.resolve(name(definitionId, productionId) + PART);
    }

    private static String context(long definitionId, long productionId) {
        return "export " + definitionId + " production " + productionId;
    }

    private void createFolder() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
