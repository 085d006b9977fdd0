package org.grassroots.crm.jobs.ui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import org.grassroots.crm.jobs.JobCount;
import org.grassroots.crm.jobs.JobLogLine;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobSummary;

/**
 * One job in full: its facts, its result table (the counters), the error that ended it, and its log. Redrawn by the
 * Jobs screen's live updates while open, only when something changed.
 */
final class JobDialog extends Dialog {

    static final String NOT_FOUND = "This job does not exist, or it is somebody else's.";

    private final JobService jobs;
    private final long id;
    private final Clock clock;
    private final Consumer<JobSummary> cancel;
    private final Div body = new Div();
    private final Button cancelButton = new Button("Cancel job");
    private JobSummary shown;
    private List<JobLogLine> shownLog = List.of();

    JobDialog(JobService jobs, long id, Clock clock, Consumer<JobSummary> cancel) {
        this.jobs = jobs;
        this.id = id;
        this.clock = clock;
        this.cancel = cancel;
        addClassName("job-dialog");
        setWidth("min(48rem, 95vw)");
        setHeaderTitle("Job #" + id);
        body.addClassName("job-details");
        add(body);
        cancelButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancelButton.addClickListener(event -> cancel.accept(shown));
        Button close = new Button("Close", event -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancelButton, close);
        refresh();
    }

    void refresh() {
        Optional<JobSummary> job = jobs.find(id);
        List<JobLogLine> log = job.isPresent() ? jobs.log(id) : List.of();
        if (job.isPresent() && job.get().equals(shown) && log.equals(shownLog)) {
            return;
        }
        body.removeAll();
        cancelButton.setVisible(false);
        if (job.isEmpty()) {
            body.add(new Paragraph(NOT_FOUND));
            return;
        }
        shown = job.get();
        shownLog = log;
        setHeaderTitle(shown.title());
        cancelButton.setVisible(shown.state().isActive() && !shown.cancelRequested());
        body.add(facts(shown));
        if (shown.error() != null) {
            Paragraph error = new Paragraph(shown.error());
            error.addClassName("job-error");
            body.add(error);
        }
        if (!shown.counts().isEmpty()) {
            body.add(new H3("Result"), counts(shown.counts()));
        }
        if (!shown.parameters().isEmpty()) {
            DescriptionList parameters = new DescriptionList();
            parameters.addClassName("job-facts");
            shown.parameters().forEach((name, value) -> fact(parameters, name, value));
            body.add(new H3("Parameters"), parameters);
        }
        Div lines = log(log);
        body.add(new H3("Log"), lines);
        // the newest lines matter most while a job runs
        lines.getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    private DescriptionList facts(JobSummary job) {
        DescriptionList facts = new DescriptionList();
        facts.addClassName("job-facts");
        fact(facts, "State", JobText.state(job));
        fact(facts, "Type", job.type());
        fact(facts, "Started by", job.requestedBy() + (job.scheduleId() == null ? "" : " (schedule "
                + job.scheduleId() + ")"));
        String progress = JobText.progress(job);
        if (!progress.isEmpty()) {
            fact(facts, "Progress", progress);
        }
        if (job.maxAttempts() > 1) {
            fact(facts, "Attempt", job.attempt() + " of " + job.maxAttempts());
        }
        if (job.nextAttemptAt() != null) {
            fact(facts, "Next attempt", JobText.timeUtc(job.nextAttemptAt(), clock.instant()));
        }
        fact(facts, "Submitted", JobText.timeUtc(job.createdAt(), clock.instant()));
        if (job.startedAt() != null) {
            fact(facts, "Started", JobText.timeUtc(job.startedAt(), clock.instant()));
            fact(facts, "Duration", JobText.duration(job.duration(clock.instant())));
        }
        if (job.node() != null) {
            fact(facts, "Server", job.node());
        }
        return facts;
    }

    private static void fact(DescriptionList facts, String term, String description) {
        facts.add(new DescriptionList.Term(term), new DescriptionList.Description(description));
    }

    private static Grid<JobCount> counts(List<JobCount> counts) {
        Grid<JobCount> table = new Grid<>();
        table.addClassName("job-counts");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        table.addColumn(JobCount::name).setHeader("Counter").setKey("name");
        table.addColumn(count -> JobText.number(count.value())).setHeader("Count").setKey("value")
                .setTextAlign(ColumnTextAlign.END);
        table.setItems(counts);
        table.setAllRowsVisible(true);
        return table;
    }

    private static Div log(List<JobLogLine> lines) {
        Div log = new Div();
        log.addClassName("job-log");
        if (lines.isEmpty()) {
            log.add(new Paragraph("Nothing logged yet."));
        }
        for (JobLogLine line : lines) {
            Pre entry = new Pre(JobText.TIME_OF_LINE.format(line.loggedAt()) + "  " + line.line());
            entry.addClassName("job-log-line");
            log.add(entry);
        }
        return log;
    }
}
