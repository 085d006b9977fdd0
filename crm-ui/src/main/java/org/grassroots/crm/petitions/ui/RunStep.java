package org.grassroots.crm.petitions.ui;

import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobSummary;
import org.grassroots.crm.petitions.ImportBatch;
import org.grassroots.crm.petitions.ImportBatchService;
import org.grassroots.crm.petitions.ImportSetup;
import org.grassroots.crm.petitions.PetitionImportService;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.ui.JobProgress;
import org.grassroots.crm.ui.LiveUpdates;
import org.jspecify.annotations.Nullable;

/**
 * Step 3 (the dry run) or step 4 (the import): starts the job with everything chosen above, follows it, and shows
 * its result, its error, or that it was cancelled. Either way nothing is half done: the job merges all or nothing.
 */
class RunStep extends Card {

    enum Kind {
        DRY_RUN("3. Dry run", "Reads the whole file and checks every row against the CRM without changing anything,"
                + " then shows what the import would do."),
        IMPORT("4. Import", "Adds what the dry run counted, all at once: if the import fails or you cancel it,"
                + " nothing is imported. An import can be rolled back later on the petition's page.");

        final String title;
        final String intro;

        Kind(String title, String intro) {
            this.title = title;
            this.intro = intro;
        }
    }

    /** What a run needs from the application, and where a refusal of the choices above is shown. */
    record Services(PetitionImportService imports, ImportBatchService batches, JobService jobs,
            LiveUpdates liveUpdates, FieldErrors errors) {
    }

    /** Told when a run starts and when it has ended, with the batch when it succeeded. */
    interface Listener {
        void started(Kind kind);

        void ended(Kind kind, @Nullable ImportBatch succeeded);
    }

    final Button start = new Button();
    final Div status = new Div();
    private final Kind kind;
    private final Services services;
    private final Function<Boolean, Optional<ImportSetup>> setup;
    private final Listener listener;

    RunStep(Kind kind, Services services, Function<Boolean, Optional<ImportSetup>> setup, Listener listener) {
        this.kind = kind;
        this.services = services;
        this.setup = setup;
        this.listener = listener;
        addClassName("import-step");
        addClassName(kind == Kind.DRY_RUN ? "import-dry-run" : "import-run");
        setTitle(kind.title);
        Paragraph intro = new Paragraph(kind.intro);
        intro.addClassName("import-intro");
        start.setText(kind == Kind.DRY_RUN ? "Dry run" : "Import");
        start.setIcon((kind == Kind.DRY_RUN ? VaadinIcon.SEARCH : VaadinIcon.UPLOAD_ALT).create());
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.addClickListener(e -> start());
        status.addClassName("import-status");
        add(intro, start, status);
    }

    /** Offers the import of what the dry run counted. */
    void offer(long newSignatures) {
        reset();
        start.setText("Import " + ImportResultPanel.plural(newSignatures, "signature"));
        setVisible(true);
    }

    /** Forgets the last run (its job, if still running, goes on but is no longer followed here). */
    void reset() {
        status.removeAll();
        start.setEnabled(true);
        if (kind == Kind.DRY_RUN) {
            start.setText("Dry run");
        }
    }

    private void start() {
        Optional<ImportSetup> chosen = setup.apply(kind == Kind.DRY_RUN);
        if (chosen.isEmpty()) {
            Feedback.error("Complete the marked choices above first.");
            return;
        }
        long jobId;
        try {
            jobId = services.imports().start(chosen.get());
        } catch (InvalidInputException refused) {
            services.errors().show(refused);
            return;
        }
        status.removeAll();
        start.setEnabled(false);
        status.add(new JobProgress(services.jobs(), services.liveUpdates(), jobId, RunStep::running,
                "Asked the job to stop. Nothing it read so far is kept.", this::ended));
        listener.started(kind);
    }

    private static String running(JobSummary job) {
        // the import job reports -1 done while it checks and merges what it has read
        return job.hasKnownTotal() && job.progressTotal() > 0 ? "Reading the file: " + JobProgress.percent(job) + "%"
                : job.progressDone() < 0 ? "Checking the rows and merging them…" : "Reading the file…";
    }

    private void ended(JobSummary job) {
        ImportBatch batch = null;
        switch (job.state()) {
            case SUCCEEDED -> {
                batch = services.batches().ofJob(job.id()).orElse(null);
                if (batch == null) {
                    error("Job #" + job.id() + " finished, but its result cannot be found.");
                } else {
                    status.add(new ImportResultPanel(batch, services.batches()));
                }
            }
            case FAILED -> error((kind == Kind.DRY_RUN ? "The dry run failed: "
                    : "The import failed, so nothing was imported: ") + job.error());
            case CANCELLED -> {
                Paragraph cancelled = new Paragraph((kind == Kind.DRY_RUN ? "The dry run was cancelled."
                        : "The import was cancelled, so nothing was imported."));
                cancelled.addClassName("import-cancelled");
                status.add(cancelled);
            }
            default -> throw new IllegalStateException("Job #" + job.id() + " has not ended: " + job.state());
        }
        boolean imported = kind == Kind.IMPORT && batch != null;
        start.setEnabled(!imported);
        if (kind == Kind.DRY_RUN && batch != null) {
            start.setText("Dry run again");
        }
        listener.ended(kind, batch);
    }

    private void error(String message) {
        Paragraph error = new Paragraph(message);
        error.addClassNames("import-error", "import-job-error");
        error.getElement().setAttribute("role", "alert");
        status.add(error);
    }
}
