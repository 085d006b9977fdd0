package org.grassroots.crm.ui;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

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

/**
 * A background job a screen started (an import, a list sync), followed live while it works (the same
 * {@link LiveUpdates} as the Jobs screen): a progress bar, what the job is doing, and Cancel. When the job has ended
 * it stops following and hands the job over once.
 */
public class JobProgress extends Div {

    static final Duration REFRESH = Duration.ofSeconds(1);

    private final ProgressBar bar = new ProgressBar();
    private final Span text = new Span();
    private final Button cancel = new Button("Cancel", VaadinIcon.CLOSE_SMALL.create());
    private final JobService jobs;
    private final long jobId;
    private final Function<JobSummary, String> runningText;
    private final String cancelNote;
    private final Consumer<JobSummary> onEnded;
    private final Registration following;
    private boolean ended;

    /**
     * @param runningText what a running job is doing, for example "Reading the file: 40%"
     * @param cancelNote  said after Cancel is pressed: what a cancel keeps and what it drops
     * @param onEnded     called once, when the job has ended in any state
     */
    public JobProgress(JobService jobs, LiveUpdates liveUpdates, long jobId, Function<JobSummary, String> runningText,
            String cancelNote, Consumer<JobSummary> onEnded) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.runningText = runningText;
        this.cancelNote = cancelNote;
        this.onEnded = onEnded;
        addClassName("job-progress");
        text.addClassName("job-progress-text");
        cancel.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
        cancel.addClickListener(e -> cancel());
        Div line = new Div(text, cancel);
        line.addClassName("job-progress-line");
        add(bar, line);
        following = liveUpdates.whileAttached(this, REFRESH, this::refresh);
        refresh();
    }

    public ProgressBar bar() {
        return bar;
    }

    /** What the job is doing, or how it ended ("Finished.", "Failed.", "Cancelled."). */
    public Span text() {
        return text;
    }

    public Button cancelButton() {
        return cancel;
    }

    /** Reads the job and shows it; once it has ended, stops following and reports it. */
    public void refresh() {
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
        text.setText(describe(job));
    }

    private String describe(JobSummary job) {
        if (job.cancelRequested() && job.state().isActive()) {
            return "Stopping…";
        }
        return switch (job.state()) {
            case QUEUED -> "Waiting for a free server…";
            case RETRY_WAIT -> "Waiting to try again…";
            case RUNNING -> runningText.apply(job);
            case SUCCEEDED -> "Finished.";
            case FAILED -> "Failed.";
            case CANCELLED -> "Cancelled.";
        };
    }

    /** How far a job with a known total is, 0 to 100. */
    public static long percent(JobSummary job) {
        return job.progressTotal() <= 0 ? 0 : Math.min(100, job.progressDone() * 100 / job.progressTotal());
    }

    private void cancel() {
        try {
            jobs.cancel(jobId);
            Feedback.success(cancelNote);
        } catch (InvalidInputException refused) {
            Feedback.error(refused.getMessage());
        }
        refresh();
    }
}
