package org.grassroots.crm.listsync.ui;

import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobSummary;
import org.grassroots.crm.listsync.ListSyncService;
import org.grassroots.crm.listsync.SyncList;
import org.grassroots.crm.listsync.SyncRun;
import org.grassroots.crm.listsync.SyncRunStatus;
import org.grassroots.crm.plugin.api.email.ConnectionCheck;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.JobProgress;
import org.grassroots.crm.ui.LiveUpdates;

/**
 * One connected list: what it is, its schedule, Test connection, Dry run and Sync now, the running sync followed live,
 * and its sync log (a run with refused members opens them).
 */
class ListCard extends Div {

    static final int LOG_ROWS = 20;
    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    final Button test = new Button("Test connection", VaadinIcon.CONNECT.create());
    final Button dryRun = new Button("Dry run", VaadinIcon.CALC.create());
    final Button sync = new Button("Sync now", VaadinIcon.REFRESH.create());
    final Span connection = new Span();
    final Div status = new Div();
    final Grid<SyncRun> log = new Grid<>();
    private final SyncList list;
    private final ListSyncService lists;
    private final JobService jobs;
    private final LiveUpdates liveUpdates;

    ListCard(SyncList list, ListSyncService lists, JobService jobs, LiveUpdates liveUpdates, boolean admin) {
        this.list = list;
        this.lists = lists;
        this.jobs = jobs;
        this.liveUpdates = liveUpdates;
        addClassName("list-card");
        Span label = new Span(list.sourceLabel());
        label.addClassName("list-card-source");
        H3 title = new H3(list.displayName());
        Div heading = new Div(title, label);
        heading.addClassName("list-card-heading");
        Paragraph schedule = new Paragraph(list.cron() == null ? "Syncs only when started here."
                : "Syncs by itself on the schedule " + list.cron() + " (UTC), and when started here.");
        schedule.addClassName("list-card-schedule");
        add(heading, schedule);
        if (!list.configured()) {
            Paragraph setUp = new Paragraph("Not set up yet: " + (admin ? "fill in" : "an admin fills in")
                    + " the " + list.displayName() + " connection and segment in the Email list sync plugin's"
                    + " settings.");
            setUp.addClassName("list-card-setup");
            add(setUp);
            if (admin) {
                add(new Anchor("plugins", "Open the Plugins screen"));
            }
        }
        test.addClickListener(e -> testConnection());
        dryRun.addClickListener(e -> start(true));
        sync.addClickListener(e -> start(false));
        sync.addThemeVariants(ButtonVariant.PRIMARY);
        test.setEnabled(list.configured());
        dryRun.setEnabled(list.configured());
        sync.setEnabled(list.configured());
        connection.addClassName("list-card-connection");
        Div actions = new Div(test, dryRun, sync, connection);
        actions.addClassName("list-card-actions");
        status.addClassName("list-card-status");
        configureLog();
        add(actions, status, new H4("Sync log"), log);
        showLog();
        SyncRun last = list.lastRun();
        if (last != null && last.status() == SyncRunStatus.RUNNING && last.jobId() != null) {
            follow(last.jobId());
        }
    }

    private void configureLog() {
        log.addClassName("list-sync-log");
        log.addColumn(run -> WHEN.format(run.startedAt())).setHeader("Started").setKey("started").setWidth("11rem")
                .setFlexGrow(0);
        log.addColumn(run -> run.dryRun() ? "Dry run" : "Sync").setHeader("Kind").setKey("kind").setWidth("5.5rem")
                .setFlexGrow(0);
        log.addColumn(SyncRun::startedBy).setHeader("By").setKey("by").setWidth("7rem").setFlexGrow(1);
        log.addColumn(ListCard::state).setHeader("Result").setKey("result").setWidth("8rem").setFlexGrow(1)
                .setTooltipGenerator(run -> run.message() == null ? "" : run.message());
        log.addColumn(ListCard::describe).setHeader("What it did").setKey("counts").setWidth("18rem").setFlexGrow(3);
        log.addComponentColumn(this::failures).setHeader("Refused").setKey("failed").setWidth("6rem")
                .setFlexGrow(0).setPartNameGenerator(run -> "numeric");
        log.getColumns().forEach(column -> column.setResizable(true));
        log.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        log.setAllRowsVisible(true);
        log.setEmptyStateText("No syncs yet. Start with a dry run to see what the first sync would send.");
    }

    void showLog() {
        log.setItems(lists.runs(list.key(), LOG_ROWS));
    }

    private void testConnection() {
        ConnectionCheck check = lists.testConnection(list.key());
        connection.setText(check.message());
        connection.getElement().setAttribute("data-ok", Boolean.toString(check.ok()));
        if (check.ok()) {
            Feedback.success(check.message());
        } else {
            Feedback.error(check.message());
        }
    }

    private void start(boolean dry) {
        long jobId;
        try {
            jobId = lists.startSync(list.key(), dry);
        } catch (InvalidInputException refused) {
            Feedback.error(refused.getMessage());
            return;
        }
        follow(jobId);
        showLog();
    }

    private void follow(long jobId) {
        status.removeAll();
        dryRun.setEnabled(false);
        sync.setEnabled(false);
        status.add(new JobProgress(jobs, liveUpdates, jobId, ListCard::running,
                "Asked the sync to stop after the batches in flight. What was sent stays recorded; Sync now carries"
                        + " on from there.", this::ended));
    }

    private static String running(JobSummary job) {
        return job.hasKnownTotal() && job.progressTotal() > 0
                ? "Sending: " + number(job.progressDone()) + " of " + number(job.progressTotal()) + " members ("
                        + JobProgress.percent(job) + "%)"
                : "Reading back unsubscribes and working out what changed…";
    }

    private void ended(JobSummary job) {
        dryRun.setEnabled(true);
        sync.setEnabled(true);
        showLog();
        lists.runs(list.key(), 1).stream().findFirst().ifPresent(run -> {
            Paragraph result = new Paragraph(state(run) + ". " + describe(run)
                    + (run.message() == null ? "" : " " + run.message()));
            result.addClassName("list-card-result");
            status.add(result);
        });
    }

    private Button failures(SyncRun run) {
        Button open = new Button(number(run.failed()));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.SMALL);
        open.setEnabled(run.failed() > 0);
        open.addClickListener(e -> new SyncFailuresDialog(run, lists.failures(run.id(), SyncFailuresDialog.SHOWN))
                .open());
        return open;
    }

    static String state(SyncRun run) {
        return switch (run.status()) {
            case RUNNING -> "Running";
            case DONE -> run.dryRun() ? "Counted" : "Finished";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    static String describe(SyncRun run) {
        if (run.dryRun()) {
            return "Would add " + number(run.planned().add()) + ", update " + number(run.planned().update())
                    + ", unsubscribe " + number(run.planned().unsubscribe()) + ", remove "
                    + number(run.planned().remove());
        }
        return "Pulled back " + number(run.pulledBack()) + "; added " + number(run.added()) + ", updated "
                + number(run.updated()) + ", unsubscribed " + number(run.unsubscribed()) + ", removed "
                + number(run.removed());
    }

    static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }
}
