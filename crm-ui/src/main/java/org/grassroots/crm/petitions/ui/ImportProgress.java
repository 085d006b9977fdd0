package org.grassroots.crm.petitions.ui;

import java.time.Duration;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.jobs.JobSummary;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.LiveUpdates;

/**
 * A dry run's or an import's job, followed live while it works (the same {@link LiveUpdates} as the Jobs screen):
 * a progress bar, what the job is doing, and Cancel. When the job has ended it stops following and hands the job
 * over once.
 */
class ImportProgress extends Div {

    static final Duration REFRESH = Duration.ofSeconds(1);

    final ProgressBar bar = new ProgressBar();
    final Span text = new Span();
    final Button cancel = new Button("Cancel", VaadinIcon.CLOSE_SMALL.create());
    private final JobService jobs;
    private final long jobId;
    private final Consumer<JobSummary> onEnded;
    private final Registration following;
    private boolean ended;

    ImportProgress(JobService jobs, LiveUpdates liveUpdates, long jobId, Consumer<JobSummary> onEnded) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.onEnded = onEnded;
        addClassName("import-progress");
        text.addClassName("import-progress-text");
        cancel.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
        cancel.addClickListener(e -> cancel());
        Div line = new Div(text, cancel);
        line.addClassName("import-progress-line");
        add(bar, line);
        following = liveUpdates.whileAttached(this, REFRESH, this::refresh);
        refresh();
    }

    /** Reads the job and shows it; once it has ended, stops following and reports it. */
    void refresh() {
        if (ended) {
            return;
        }
        JobSummary job = jobs.find(jobId).orElse(null);
        if (job == null) {
            ended = true;
            following.remove();
            text.setText("Job #" + jobId + " is gone.");
            cancel.setVisible(false);
            return;
        }
        show(job);
        if (!job.state().isActive()) {
            ended = true;
            following.remove();
            onEnded.accept(job);
        }
    }

    private void show(JobSummary job) {
        boolean known = job.hasKnownTotal() && job.progressTotal() > 0;
        bar.setIndeterminate(job.state() == JobState.RUNNING && !known);
        if (known) {
            bar.setMax(job.progressTotal());
            bar.setValue(Math.min(job.progressDone(), job.progressTotal()));
        } else {
            bar.setValue(job.state() == JobState.SUCCEEDED ? bar.getMax() : bar.getMin());
        }
        cancel.setVisible(job.state().isActive() && !job.cancelRequested());
        text.setText(describe(job, known));
    }

    private static String describe(JobSummary job, boolean known) {
        if (job.cancelRequested() && job.state().isActive()) {
            return "Stopping…";
        }
        return switch (job.state()) {
            case QUEUED -> "Waiting for a free server…";
            case RETRY_WAIT -> "Waiting to try again…";
            // the import job reports -1 done while it checks and merges what it has read
            case RUNNING -> known ? "Reading the file: " + percent(job) + "%"
                    : job.progressDone() < 0 ? "Checking the rows and merging them…" : "Reading the file…";
            case SUCCEEDED -> "Finished.";
            case FAILED -> "Failed.";
            case CANCELLED -> "Cancelled.";
        };
    }

    private static long percent(JobSummary job) {
        return Math.min(100, job.progressDone() * 100 / job.progressTotal());
    }

    private void cancel() {
        try {
            jobs.cancel(jobId);
            Feedback.success("Asked the job to stop. Nothing it read so far is kept.");
        } catch (InvalidInputException refused) {
            Feedback.error(refused.getMessage());
        }
        refresh();
    }
}
