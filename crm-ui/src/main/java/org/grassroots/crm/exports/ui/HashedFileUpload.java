package org.grassroots.crm.exports.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.jspecify.annotations.Nullable;

/**
 * The partner's hashed match file, received into a temporary file of at most {@link #MAX_BYTES} (the upload
 * stops there) that only this screen reads; it is deleted when replaced, removed, or the screen closes.
 */
class HashedFileUpload extends Div {

    /** About 1.5 million two-hash lines. */
    static final long MAX_BYTES = 200L * 1024 * 1024;
    static final String HINT = "The partner's .csv file with the header email_hmac,phone_hmac (either or both), at "
            + "most 200 MB.";

    final Upload upload = new Upload();
    final Paragraph status = new Paragraph(HINT);
    private @Nullable Path file;
    private @Nullable String fileName;

    HashedFileUpload() {
        addClassName("overlap-upload");
        upload.setUploadHandler(new LimitedTemporaryFile());
        upload.setAcceptedFileTypes(".csv", ".txt");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) MAX_BYTES);
        upload.setUploadButton(new Button("Upload their file", VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span("or drop it here"));
        upload.addFileRejectedListener(e -> refuse(e.getFileName() + " was not uploaded: " + e.getErrorMessage()
                + ". " + HINT));
        upload.addFileRemovedListener(e -> {
            discard();
            status.setText(HINT);
            status.removeClassName("overlap-error");
        });
        status.addClassName("overlap-file-status");
        addDetachListener(e -> discard());
        add(upload, status);
    }

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    String fileName() {
        return fileName == null ? "" : fileName;
    }

    /** Shows a refusal (the service's message naming the line) under the upload. */
    void refuse(String message) {
        status.setText(message);
        status.addClassName("overlap-error");
    }

    private void discard() {
        if (file != null) {
            delete(file);
            file = null;
            fileName = null;
        }
    }

    private void received(String name, Path stored, long size) {
        discard();
        file = stored;
        fileName = name;
        status.removeClassName("overlap-error");
        status.setText("Uploaded " + name + " (" + ExportWording.number(size) + " bytes).");
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the upload to a temporary file outside the session lock, and stops at the size limit. */
    private final class LimitedTemporaryFile implements UploadHandler {

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            Path stored = Files.createTempFile("crm-overlap-", ".csv");
            long size = 0;
            try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(stored)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    size += read;
                    if (size > MAX_BYTES) {
                        break;
                    }
                    out.write(buffer, 0, read);
                }
            } catch (IOException | RuntimeException failed) {
                delete(stored);
                throw failed;
            }
            if (size > MAX_BYTES) {
                delete(stored);
                event.reject("The file is larger than 200 MB");
                event.getUI().access(() -> refuse(event.getFileName() + " is larger than 200 MB. " + HINT));
                return;
            }
            long received = size;
            try {
                event.getUI().access(() -> received(event.getFileName(), stored, received));
            } catch (UIDetachedException closed) {
                delete(stored);
            }
        }

        @Override
        public long getFileSizeMax() {
            return MAX_BYTES;
        }
    }
}
