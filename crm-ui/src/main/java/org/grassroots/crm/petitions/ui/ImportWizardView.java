package org.grassroots.crm.petitions.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.petitions.ImportBatch;
import org.grassroots.crm.petitions.ImportBatchService;
import org.grassroots.crm.petitions.ImportSetup;
import org.grassroots.crm.petitions.PetitionImportService;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.petitions.PetitionSummary;
import org.grassroots.crm.petitions.SignatureFileReader;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.ui.LiveUpdates;
import org.jspecify.annotations.Nullable;

/**
 * Imports a petition's signatures from a file, top to bottom: choose the petition and upload the file, check the
 * preview and map its columns, run a dry run that shows what would happen, then import. Both runs are background jobs
 * followed live on this page. Any change above a finished dry run asks for a new one, so the import always does
 * what the dry run showed. {@code petitions/import?petition=ID} starts with that petition chosen.
 */
@Route("petitions/import")
@PageTitle("Import signatures")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME})
class ImportWizardView extends VerticalLayout implements BeforeEnterObserver {

    static final String PETITION_PARAMETER = "petition";
    static final String NO_READER = "No file reader is available: the Petition import plugin is not running.";

    private final FileStep fileStep;
    private final MappingStep mappingStep;
    private final RunStep dryRun;
    private final RunStep importRun;

    ImportWizardView(PetitionImportService imports, ImportBatchService batches, PetitionService petitions,
            JobService jobs, LiveUpdates liveUpdates, AuthenticationContext authentication) {
        addClassName("import-wizard");
        List<SignatureFileReader> readers = imports.readers();
        if (readers.isEmpty()) {
            fileStep = null;
            mappingStep = null;
            dryRun = null;
            importRun = null;
            add(noReader(authentication.hasRole(Role.ADMIN_NAME)));
            return;
        }
        fileStep = new FileStep(petitions, imports, readers, this::fileChanged, this::mappingChanged);
        mappingStep = new MappingStep(imports, this::mappingChanged);
        FieldErrors errors = new FieldErrors().on("petition", fileStep.petition).on("source", mappingStep.source);
        RunStep.Services services = new RunStep.Services(imports, batches, jobs, liveUpdates, errors);
        RunStep.Listener runs = new RunStep.Listener() {
            @Override
            public void started(RunStep.Kind kind) {
                running(kind);
            }

            @Override
            public void ended(RunStep.Kind kind, @Nullable ImportBatch succeeded) {
                runEnded(kind, succeeded);
            }
        };
        dryRun = new RunStep(RunStep.Kind.DRY_RUN, services, this::setup, runs);
        importRun = new RunStep(RunStep.Kind.IMPORT, services, this::setup, runs);
        mappingStep.setVisible(false);
        dryRun.setVisible(false);
        importRun.setVisible(false);
        add(fileStep, mappingStep, dryRun, importRun);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (fileStep == null) {
            return;
        }
        event.getLocation().getQueryParameters().getSingleParameter(PETITION_PARAMETER).ifPresent(id -> {
            try {
                fileStep.choosePetition(Long.parseLong(id));
            } catch (NumberFormatException ignored) {
                // a mistyped address just starts without a petition chosen
            }
        });
    }

    /** A new file or reader: read its preview again, and forget any run. */
    private void fileChanged() {
        dryRun.reset();
        importRun.reset();
        importRun.setVisible(false);
        boolean hasFile = fileStep.upload().isPresent();
        mappingStep.setVisible(hasFile);
        dryRun.setVisible(false);
        if (hasFile) {
            boolean readable = mappingStep.read(fileStep.upload().orElseThrow(), fileStep.reader());
            dryRun.setVisible(readable);
        }
    }

    /** The mapping, options or petition changed: a finished dry run no longer describes the import. */
    private void mappingChanged() {
        dryRun.setVisible(mappingStep.isReadable());
        dryRun.reset();
        importRun.reset();
        importRun.setVisible(false);
    }

    /** Everything chosen so far, or empty (with the missing choices marked) when something is missing. */
    private Optional<ImportSetup> setup(boolean isDryRun) {
        Optional<PetitionSummary> petition = fileStep.chosenPetition();
        Optional<MappingStep.Choices> choices = mappingStep.choices();
        if (petition.isEmpty() || choices.isEmpty() || fileStep.upload().isEmpty()) {
            return Optional.empty();
        }
        MappingStep.Choices chosen = choices.get();
        return Optional.of(new ImportSetup(petition.get().id(), fileStep.upload().get(), fileStep.reader(),
                chosen.options(), chosen.headers(), chosen.mapping(), chosen.source(), chosen.optInPolicy(),
                chosen.fillBlankFields(), isDryRun));
    }

    /** While a job runs nothing above it can change; a new dry run withdraws the import offered. */
    private void running(RunStep.Kind kind) {
        fileStep.setEnabled(false);
        mappingStep.setEnabled(false);
        if (kind == RunStep.Kind.DRY_RUN) {
            importRun.reset();
            importRun.setVisible(false);
        } else {
            dryRun.setEnabled(false);
        }
    }

    /**
     * A successful dry run offers the import of what it counted. After a successful import the uploaded file is gone,
     * so the steps above stay as a record but cannot be changed; after anything else they can be again.
     */
    private void runEnded(RunStep.Kind kind, @Nullable ImportBatch succeeded) {
        boolean imported = kind == RunStep.Kind.IMPORT && succeeded != null;
        fileStep.setEnabled(!imported);
        mappingStep.setEnabled(!imported);
        dryRun.setEnabled(!imported);
        if (kind == RunStep.Kind.DRY_RUN && succeeded != null) {
            importRun.offer(succeeded.counts().newSignatures());
        }
    }

    private static Div noReader(boolean admin) {
        Paragraph what = new Paragraph(NO_READER);
        Div empty = new Div(what);
        empty.addClassName("import-empty");
        if (admin) {
            empty.add(new Paragraph("Enable the Petition import plugin on the Plugins screen, then come back here."),
                    new Anchor("plugins", "Open the Plugins screen"));
        } else {
            empty.add(new Paragraph("Ask an admin to enable the Petition import plugin on the Plugins screen."));
        }
        return empty;
    }
}
