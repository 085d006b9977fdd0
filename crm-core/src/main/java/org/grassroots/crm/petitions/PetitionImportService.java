package org.grassroots.crm.petitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.petitions.internal.ImportMappings;
import org.grassroots.crm.petitions.internal.ImportUploads;
import org.grassroots.crm.petitions.internal.MappingJson;
import org.grassroots.crm.petitions.internal.PetitionRepository;
import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.PetitionSource;
import org.grassroots.crm.plugin.api.petitions.SignatureField;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginExtension;
import org.grassroots.crm.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The petition import wizard: the file readers plugins offer, uploads, previews, saved mappings, and starting a dry
 * run or an import as a background job ({@link PetitionImportJob}). Organizers and admins only.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME})
public class PetitionImportService {

    static final String JOB_TYPE = "petition-import";
    static final int PREVIEW_ROWS = 10;
    private static final int MAX_SOURCE = 100;

    private final PluginCalls plugins;
    private final ImportUploads uploads;
    private final ImportMappings mappings;
    private final PetitionRepository petitions;
    private final JobService jobs;

    PetitionImportService(PluginCalls plugins, ImportUploads uploads, ImportMappings mappings,
            PetitionRepository petitions, JobService jobs) {
        this.plugins = plugins;
        this.uploads = uploads;
        this.mappings = mappings;
        this.petitions = petitions;
        this.jobs = jobs;
    }

    /** The file readers of the running plugins; empty when no import plugin is enabled. */
    public List<SignatureFileReader> readers() {
        return plugins.extensions(PetitionSource.class).stream()
                .map(e -> new SignatureFileReader(e.pluginId(), e.extensionId(), e.displayName(),
                        plugins.call(e, "presets", PetitionSource::presets)))
                .toList();
    }

    /** The largest file an upload takes ({@code crm.imports.max-size}), for the upload field's own check. */
    public long maxUploadBytes() {
        return uploads.maxBytes();
    }

    /**
     * Keeps an uploaded file on the server for preview and import.
     *
     * @throws InvalidInputException ({@code file}) when it is empty or too large
     */
    public ImportUpload upload(String fileName, InputStream content) {
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        name = name.length() > 255 ? name.substring(name.length() - 255) : name;
        try {
            ImportUploads.Stored stored = uploads.store(content);
            if (stored.size() == 0) {
                uploads.delete(stored.id());
                throw new InvalidInputException("file", name + " is empty.");
            }
            return new ImportUpload(stored.id(), name, stored.size());
        } catch (ImportUploads.FileTooLargeException e) {
            throw new InvalidInputException("file", name + ": " + e.getMessage() + ".");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the upload " + name, e);
        }
    }

    /**
     * The file's first rows as the reader sees them, with a suggested mapping.
     *
     * @throws InvalidInputException ({@code file}) naming the file and what is wrong with it
     */
    public FilePreview preview(ImportUpload upload, SignatureFileReader reader, CsvOptions options) {
        PluginExtension<PetitionSource> source = running(reader);
        try (InputStream in = uploads.open(upload.id())) {
            return plugins.call(source.pluginId(), source.extension(), "preview", Exception.class,
                    s -> s.preview(in, options, PREVIEW_ROWS));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("file", upload.fileName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidInputException("file", upload.fileName() + " could not be read: " + e.getMessage());
        }
    }

    /** Mappings saved by earlier imports, by source name. */
    @Transactional(readOnly = true)
    public Map<String, FieldMapping> savedMappings() {
        return mappings.all();
    }

    /**
     * Starts a dry run or an import in the background; an import also saves its mapping under its source name.
     *
     * @return the job's id, to follow on screen
     * @throws InvalidInputException naming the choice that is wrong
     */
    @Transactional
    public long start(ImportSetup setup) {
        String title = petitions.findById(setup.petitionId())
                .orElseThrow(() -> new InvalidInputException("petition", "Choose a petition.")).getTitle();
        String source = setup.source() == null ? "" : setup.source().strip();
        if (source.isEmpty() || source.length() > MAX_SOURCE) {
            throw new InvalidInputException("source", "Name the source in 1 to " + MAX_SOURCE
                    + " characters, for example Action Network.");
        }
        checkMapping(setup.mapping(), setup.headers());
        if (!uploads.exists(setup.upload().id())) {
            throw new InvalidInputException("file", "The uploaded file is no longer on the server; upload it again.");
        }
        running(setup.reader());
        if (!setup.dryRun()) {
            mappings.save(source, setup.mapping(), currentUser());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(PetitionImportJob.PETITION, Long.toString(setup.petitionId()));
        parameters.put(PetitionImportJob.UPLOAD, setup.upload().id());
        parameters.put(PetitionImportJob.FILE_NAME, setup.upload().fileName());
        parameters.put(PetitionImportJob.FILE_SIZE, Long.toString(setup.upload().size()));
        parameters.put(PetitionImportJob.PLUGIN, setup.reader().pluginId());
        parameters.put(PetitionImportJob.EXTENSION, setup.reader().extensionId());
        Optional.ofNullable(setup.options().charset()).map(Charset::name)
                .ifPresent(charset -> parameters.put(PetitionImportJob.CHARSET, charset));
        Optional.ofNullable(setup.options().delimiter())
                .ifPresent(delimiter -> parameters.put(PetitionImportJob.DELIMITER, delimiter.toString()));
        parameters.put(PetitionImportJob.HEADERS, MappingJson.writeList(setup.headers()));
        parameters.put(PetitionImportJob.MAPPING, MappingJson.write(setup.mapping()));
        parameters.put(PetitionImportJob.SOURCE, source);
        parameters.put(PetitionImportJob.OPT_IN, setup.optInPolicy().name());
        parameters.put(PetitionImportJob.FILL, Boolean.toString(setup.fillBlankFields()));
        parameters.put(PetitionImportJob.DRY_RUN, Boolean.toString(setup.dryRun()));
        String what = (setup.dryRun() ? "Dry run: " : "Import ") + setup.upload().fileName() + " into \u201c"
                + title + "\u201d";
        return jobs.submit(new JobRequest(JOB_TYPE, what, parameters));
    }

    private static void checkMapping(FieldMapping mapping, List<String> headers) {
        if (mapping.column(SignatureField.EMAIL).isEmpty()) {
            throw new InvalidInputException("mapping", "Map a column to E-mail: supporters are matched by e-mail.");
        }
        mapping.columns().forEach((field, header) -> {
            if (!headers.contains(header)) {
                throw new InvalidInputException("mapping", field.label() + " is mapped to a column '" + header
                        + "' that the file does not have.");
            }
        });
    }

    private PluginExtension<PetitionSource> running(SignatureFileReader reader) {
        return plugins.extension(PetitionSource.class, reader.pluginId(), reader.extensionId())
                .orElseThrow(() -> new InvalidInputException("reader", "The file reader '" + reader.name()
                        + "' is not available: its plugin (" + reader.pluginId() + ") is not running."));
    }

    private static String currentUser() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
