package org.grassroots.crm.petitions.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.petitions.ImportUpload;
import org.grassroots.crm.petitions.Petition;
import org.grassroots.crm.petitions.PetitionImportService;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.petitions.PetitionSummary;
import org.grassroots.crm.petitions.SignatureFileReader;

/**
 * Step 1: which petition the signatures are for (or a new one), the file, and which reader reads it when plugins
 * offer more than one. The file streams straight into the import service, which keeps it until it is imported.
 */
class FileStep extends Card {

    static final List<String> FILE_TYPES = List.of(".csv", ".txt", ".tsv");

    final ComboBox<PetitionSummary> petition = new ComboBox<>("Petition");
    final Select<SignatureFileReader> reader = new Select<>();
    final Upload upload = new Upload();
    final Paragraph fileStatus = new Paragraph();
    private final PetitionService petitions;
    private final PetitionImportService imports;
    private final Runnable onFileChanged;
    private final Runnable onPetitionChanged;
    private ImportUpload uploaded;
    private String hint = "";

    FileStep(PetitionService petitions, PetitionImportService imports, List<SignatureFileReader> readers,
            Runnable onFileChanged, Runnable onPetitionChanged) {
        this.petitions = petitions;
        this.imports = imports;
        this.onFileChanged = onFileChanged;
        this.onPetitionChanged = onPetitionChanged;
        addClassName("import-step");
        setTitle("1. Petition and file");

        petition.setItemLabelGenerator(PetitionSummary::title);
        petition.setPlaceholder("Choose the petition they signed");
        petition.setHelperText("Newest first.");
        petition.setRequiredIndicatorVisible(true);
        petition.addClassName("import-petition");
        petition.addValueChangeListener(e -> {
            petition.setInvalid(false);
            onPetitionChanged.run();
        });
        reloadPetitions();
        Button create = new Button("New petition", VaadinIcon.PLUS.create(), e -> new PetitionDialog(petitions, null,
                saved -> {
                    reloadPetitions();
                    choosePetition(saved.id());
                }).open());
        HorizontalLayout petitionRow = new HorizontalLayout(petition, create);
        petitionRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        petitionRow.setWrap(true);
        petitionRow.addClassName("import-petition-row");
        add(petitionRow);

        reader.setLabel("File reader");
        reader.setItems(readers);
        reader.setItemLabelGenerator(SignatureFileReader::name);
        reader.setValue(readers.getFirst());
        reader.setVisible(readers.size() > 1);
        reader.addValueChangeListener(e -> {
            if (e.isFromClient() && uploaded != null) {
                onFileChanged.run();
            }
        });
        add(reader);

        configureUpload();
        fileStatus.addClassName("import-file-status");
        fileStatus.setText(hint);
        add(upload, fileStatus);
    }

    Optional<ImportUpload> upload() {
        return Optional.ofNullable(uploaded);
    }

    SignatureFileReader reader() {
        return reader.getValue();
    }

    /** The chosen petition; marks the field when there is none. */
    Optional<PetitionSummary> chosenPetition() {
        if (petition.getValue() == null) {
            petition.setErrorMessage("Choose the petition these signatures are for.");
            petition.setInvalid(true);
            petition.focus();
        }
        return Optional.ofNullable(petition.getValue());
    }

    /** Chooses a petition by id, also one older than the newest the list holds; an unknown id chooses none. */
    void choosePetition(long id) {
        Optional<PetitionSummary> listed = petition.getListDataView().getItems().filter(p -> p.id() == id).findFirst();
        if (listed.isPresent()) {
            petition.setValue(listed.get());
            return;
        }
        petitions.find(id).map(FileStep::summary).ifPresent(older -> {
            List<PetitionSummary> items = new ArrayList<>(petition.getListDataView().getItems().toList());
            items.add(older);
            petition.setItems(items);
            petition.setValue(older);
        });
    }

    private void reloadPetitions() {
        petition.setItems(petitions.list(0, 500));
    }

    private void configureUpload() {
        long maxBytes = imports.maxUploadBytes();
        hint = "A " + String.join(", ", FILE_TYPES.subList(0, FILE_TYPES.size() - 1)) + " or " + FILE_TYPES.getLast()
                + " file with a header row, at most " + megabytes(maxBytes) + ".";
        upload.setUploadHandler(receive());
        upload.setAcceptedFileTypes(FILE_TYPES.toArray(String[]::new));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setUploadButton(new Button("Upload file", VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span("or drop it here"));
        upload.addClassName("import-upload");
        upload.addFileRejectedListener(e -> refuse(e.getFileName() + " was not uploaded: " + e.getErrorMessage()
                + ". " + hint));
        upload.addFileRemovedListener(e -> {
            uploaded = null;
            fileStatus.removeClassName("import-error");
            fileStatus.setText(hint);
            onFileChanged.run();
        });
    }

    /**
     * Streams the upload into the import service outside the session lock, then shows the outcome on the page. The
     * service refuses an empty or too large file without keeping anything.
     */
    private UploadHandler receive() {
        return event -> {
            ImportUpload stored;
            try (InputStream content = event.getInputStream()) {
                stored = imports.upload(event.getFileName(), content);
            } catch (InvalidInputException refused) {
                event.getUI().access(() -> {
                    upload.clearFileList();
                    refuse(refused.getMessage());
                });
                return;
            }
            event.getUI().access(() -> {
                uploaded = stored;
                fileStatus.removeClassName("import-error");
                fileStatus.setText("Uploaded " + stored.fileName() + " (" + size(stored.size()) + ").");
                onFileChanged.run();
            });
        };
    }

    private void refuse(String message) {
        uploaded = null;
        fileStatus.setText(message);
        fileStatus.addClassName("import-error");
        onFileChanged.run();
    }

    private static PetitionSummary summary(Petition petition) {
        return new PetitionSummary(petition.id(), petition.slug(), petition.title(), petition.target(),
                petition.goal(), petition.createdAt(), 0);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.US, "%.0f KB", bytes / 1024.0)
                : String.format(Locale.US, "%.1f MB", bytes / 1048576.0);
    }

    private static String megabytes(long bytes) {
        long gigabyte = 1024L * 1024 * 1024;
        return bytes % gigabyte == 0 ? bytes / gigabyte + " GB" : Math.max(1, bytes / (1024 * 1024)) + " MB";
    }
}
