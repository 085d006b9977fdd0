package org.grassroots.crm.exports.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportFormatInfo;
import org.grassroots.crm.exports.ExportProductionRun;
import org.grassroots.crm.exports.ExportStatus;
import org.grassroots.crm.exports.IllegalExportTransitionException;
import org.grassroots.crm.exports.MatchKey;
import org.grassroots.crm.jobs.JobSummary;
import org.grassroots.crm.ui.JobProgress;
import org.springframework.security.access.AccessDeniedException;

/**
 * The export's file, at the foot of its page: where the export stands on the way to a file; for an approved one
 * "Produce file" and the job's live progress; for a ready one its download links and "Withdraw file"; and every
 * attempt so far. Organizers and administrators act; fundraisers read.
 */
class DeliveryPanel extends Card {

    final Paragraph state = new Paragraph();
    final Div progress = new Div();
    final Span error = new Span();
    final PasswordField key = new PasswordField("Agreed key");
    final Button produce = new Button("Produce file");

    private final ExportDefinition definition;
    private final DeliveryServices services;
    private final Runnable onChanged;

    /**
     * @param mayAct    whether the signed-in user may produce, make and revoke links and withdraw (organizer, admin)
     * @param onChanged reloads the page once the export's state has changed
     */
    DeliveryPanel(ExportDefinition definition, ExportFormatInfo format, DeliveryServices services, boolean mayAct,
            Runnable onChanged) {
        this.definition = definition;
        this.services = services;
        this.onChanged = onChanged;
        addClassName("export-delivery");
        setTitle("File");
        state.addClassName("export-delivery-state");
        state.setText(describe(definition));
        add(state);
        List<ExportProductionRun> runs = services.delivery().productions(definition.id());
        if (definition.status() == ExportStatus.APPROVED) {
            addProduce(format, mayAct, runs);
        } else if (definition.status() == ExportStatus.READY) {
            add(new LinksList(definition, services.links(), mayAct));
            if (mayAct) {
                Button withdraw = new Button("Withdraw file…",
                        e -> new WithdrawDialog(definition, services.delivery(), onChanged).open());
                withdraw.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
                withdraw.addClassName("export-withdraw");
                add(withdraw);
            }
        }
        if (!runs.isEmpty()) {
            add(new ProductionsList(runs));
        }
    }

    private static String describe(ExportDefinition definition) {
        return switch (definition.status()) {
            case PENDING_APPROVAL -> "A file can be made once the export has every approval it needs.";
            case APPROVED -> "Approved on " + ExportWording.when(definition.approvedAt())
                    + ": the file can be produced.";
            case READY -> "Ready since " + ExportWording.when(definition.readyAt()) + ". The file and its download "
                    + "links expire on " + ExportWording.when(definition.expiresAt()) + ".";
            case REJECTED -> "Rejected: no file will be made.";
            case EXPIRED -> "Expired on " + ExportWording.when(definition.expiredAt()) + ": its file is deleted.";
        };
    }

    private void addProduce(ExportFormatInfo format, boolean mayAct, List<ExportProductionRun> runs) {
        progress.addClassName("export-delivery-progress");
        Long running = runs.stream().filter(run -> run.outcome() == null && run.jobId() != null).findFirst()
                .map(ExportProductionRun::jobId).orElse(null);
        if (!mayAct) {
            add(progress);
            if (running != null) {
                follow(running);
            }
            return;
        }
        Div action = new Div();
        action.addClassName("export-produce");
        if (format.needsMatchKey()) {
            key.setHelperText("The key agreed with " + definition.partnerName() + ", at least " + MatchKey.MIN_LENGTH
                    + " characters. It is not kept.");
            key.setWidth("22rem");
            key.setMaxWidth("100%");
            action.add(key);
        }
        produce.addThemeVariants(ButtonVariant.PRIMARY);
        produce.addClickListener(e -> produce(format));
        error.addClassName("export-delivery-error");
        action.add(produce, error);
        add(action, progress);
        if (running != null) {
            follow(running);
        }
    }

    private void produce(ExportFormatInfo format) {
        error.setText("");
        key.setInvalid(false);
        long jobId;
        try {
            jobId = services.delivery().produce(definition.id(), format.needsMatchKey() ? key.getValue() : null);
        } catch (InvalidInputException refused) {
            error.setText(refused.getMessage());
            key.setInvalid("key".equals(refused.field()));
            return;
        } catch (IllegalExportTransitionException | AccessDeniedException refused) {
            error.setText(refused.getMessage());
            return;
        } finally {
            key.clear();
        }
        follow(jobId);
    }

    private void follow(long jobId) {
        produce.setEnabled(false);
        progress.removeAll();
        progress.add(new JobProgress(services.jobs(), services.liveUpdates(), jobId, DeliveryPanel::running,
                "Asked the job to stop. Nothing is kept from an unfinished file; produce it again when you like.",
                this::ended));
    }

    private static String running(JobSummary job) {
        return job.hasKnownTotal() && job.progressTotal() > 0
                ? "Writing the file: " + ExportWording.number(job.progressDone()) + " of "
                        + ExportWording.number(job.progressTotal()) + " people (" + JobProgress.percent(job) + "%)"
                : "Writing the file…";
    }

    private void ended(JobSummary job) {
        onChanged.run();
    }
}
