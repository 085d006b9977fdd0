package org.grassroots.crm.petitions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Uploaded petition files, kept in {@code crm.imports.dir} under a random id until they are imported (or for a
 * week, when nobody imports them). The folder
 * must be shared by all instances that run jobs (a job may run on another instance than the one that took the upload).
 */
@Component
public class ImportUploads {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    static final Duration KEPT_FOR = Duration.ofDays(7);

    private final Path dir;
    private final long maxBytes;
    private final SecureRandom random = new SecureRandom();

    ImportUploads(@Value("${crm.imports.dir:data/imports}") Path dir,
            @Value("${crm.imports.max-size:1GB}") DataSize maxSize) {
        this.dir = dir;
        this.maxBytes = maxSize.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores the content under a new id and returns it with its size.
     *
     * @throws FileTooLargeException when the content is larger than {@code crm.imports.max-size}
     */
    public Stored store(InputStream content) throws IOException {
        Files.createDirectories(dir);
        removeAbandoned();
        byte[] idBytes = new byte[16];
        random.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        Path partial = dir.resolve(id + ".part");
        long size = 0;
        try (InputStream in = content; var out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                size += read;
                if (size > maxBytes) {
                    throw new FileTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file(id), StandardCopyOption.ATOMIC_MOVE);
        return new Stored(id, size);
    }

    public InputStream open(String id) throws IOException {
        Path file = file(id);
        if (!Files.isRegularFile(file)) {
            throw new IOException("The uploaded file is no longer on the server; upload it again");
        }
        return Files.newInputStream(file);
    }

    public boolean exists(String id) {
        return ID.matcher(id).matches() && Files.isRegularFile(file(id));
    }

    public void delete(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads nobody imported (a dry run only, or a wizard left open) are removed after {@link #KEPT_FOR}. */
    private void removeAbandoned() throws IOException {
        Instant cutoff = Instant.now().minus(KEPT_FOR);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Path file(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not an upload id: " + id);
        }
        return dir.resolve(id + ".csv");
    }

    /** An upload stored under its id. */
    public record Stored(String id, long size) {
    }

    /** The upload was larger than allowed; nothing was kept. */
    public static final class FileTooLargeException extends IOException {
        public FileTooLargeException(long maxBytes) {
            super("The file is larger than " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB, the most an import takes");
        }
    }
}
