package org.grassroots.crm.jobs.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.jobs.JobSummary;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.LiveUpdates;
import org.springframework.security.access.AccessDeniedException;

/**
 * Background jobs, newest first: everyone sees the jobs they started, admins everybody's. While the page is open the
 * server reads the list every second and pushes what changed, so progress bars move by themselves. A row opens the
 * job's details; {@code jobs?job=ID} opens them directly, for features that link to the job they started.
 */
@Route("jobs")
@PageTitle("Jobs")
@Menu(order = 80, icon = "vaadin:tasks")
@PermitAll
class JobsView extends VerticalLayout implements BeforeEnterObserver {

    static final int SHOWN = 100;
    static final Duration REFRESH = Duration.ofSeconds(1);
    static final String JOB_PARAMETER = "job";
    static final int PHONE_WIDTH = 700;
    static final String EMPTY = "No jobs yet. Imports, syncs and exports run here in the background: start one and "
            + "watch it work, or leave this page and come back to see how it went.";

    private final JobService jobs;
    private final Clock clock;
    private final Grid<JobSummary> grid = new Grid<>();
    private final List<JobSummary> items = new ArrayList<>();
    private final ListDataProvider<JobSummary> rows = new ListDataProvider<>(items) {
        @Override
        public Object getId(JobSummary job) {
            return job.id();
        }
    };
    private JobDialog details;

    JobsView(JobService jobs, LiveUpdates liveUpdates, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        addClassName("jobs-view");
        setSizeFull();
        Paragraph intro = new Paragraph("Imports, syncs and exports run in the background, on whichever server is "
                + "free. This list shows the " + SHOWN + " newest and updates by itself.");
        intro.addClassName("jobs-intro");
        configureGrid();
        add(intro, grid);
        setFlexGrow(1, grid);
        refresh();
        liveUpdates.whileAttached(this, REFRESH, this::refresh);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> requested = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(JOB_PARAMETER, List.of());
        if (!requested.isEmpty()) {
            try {
                openDetails(Long.parseLong(requested.getFirst()));
            } catch (NumberFormatException ignored) {
                // a mistyped address just shows the list
            }
        }
    }

    /** Reads the newest jobs and updates only the rows that changed (and running ones, whose duration grows). */
    void refresh() {
        List<JobSummary> fresh = jobs.recent(SHOWN);
        if (!fresh.stream().map(JobSummary::id).toList().equals(items.stream().map(JobSummary::id).toList())) {
            items.clear();
            items.addAll(fresh);
            rows.refreshAll();
        } else {
            for (int i = 0; i < fresh.size(); i++) {
                JobSummary job = fresh.get(i);
                if (!job.equals(items.get(i)) || job.state() == JobState.RUNNING) {
                    items.set(i, job);
                    rows.refreshItem(job);
                }
            }
        }
        if (details != null && details.isOpened()) {
            details.refresh();
        }
    }

    private void configureGrid() {
        grid.addClassName("jobs-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        grid.setEmptyStateText(EMPTY);
        grid.addComponentColumn(JobsView::titleAndType).setHeader("Job").setKey("title").setFlexGrow(3)
                .setWidth("10rem").setTooltipGenerator(JobSummary::title);
        var requestedBy = grid.addColumn(JobSummary::requestedBy).setHeader("Started by").setKey("requestedBy")
                .setWidth("7rem").setFlexGrow(0);
        grid.addComponentColumn(JobText::badge).setHeader("State").setKey("state").setWidth("9.5rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::progress).setHeader("Progress").setKey("progress").setWidth("10rem")
                .setFlexGrow(0);
        var counts = grid.addColumn(JobText::counts).setHeader("Result").setKey("counts").setFlexGrow(4)
                .setWidth("12rem").setTooltipGenerator(JobText::counts);
        var started = grid.addColumn(job -> JobText.time(job.startedAt(), clock.instant()))
                .setHeader("Started (UTC)").setKey("started").setWidth("7.5rem").setFlexGrow(0);
        var duration = grid.addColumn(job -> JobText.duration(job.duration(clock.instant()))).setHeader("Duration")
                .setKey("duration").setWidth("7rem").setFlexGrow(0);
        hideOnPhones(List.of(requestedBy, counts, started, duration));
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setWidth("8.5rem").setFlexGrow(0);
        grid.getColumns().forEach(column -> column.setSortable(false).setResizable(true));
        grid.addItemClickListener(event -> openDetails(event.getItem().id()));
        grid.setDataProvider(rows);
    }

    private Component progress(JobSummary job) {
        Div cell = new Div();
        cell.addClassName("job-progress");
        boolean running = job.state() == JobState.RUNNING;
        if (job.hasKnownTotal() || running || job.progressDone() > 0) {
            ProgressBar bar = new ProgressBar();
            if (job.hasKnownTotal() && job.progressTotal() > 0) {
                bar.setMax(job.progressTotal());
                bar.setValue(Math.min(job.progressDone(), job.progressTotal()));
            } else if (job.hasKnownTotal()) {
                bar.setValue(job.state() == JobState.SUCCEEDED ? 1 : 0);
            } else {
                bar.setIndeterminate(running);
            }
            if (job.state() == JobState.FAILED) {
                bar.addClassName("job-progress-failed");
            }
            cell.add(bar);
        }
        Span text = new Span(JobText.progress(job));
        text.addClassName("job-progress-text");
        cell.add(text);
        return cell;
    }

    /** In a phone-sized window only the job, its state, its progress and its buttons are shown. */
    private void hideOnPhones(List<Grid.Column<JobSummary>> secondary) {
        addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> showColumns(secondary, details.getWindowInnerWidth()));
            Registration resize = page.addBrowserWindowResizeListener(resized ->
                    showColumns(secondary, resized.getWidth()));
            addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void showColumns(List<Grid.Column<JobSummary>> columns, int windowWidth) {
        columns.forEach(column -> column.setVisible(windowWidth > PHONE_WIDTH));
    }

    private static Component titleAndType(JobSummary job) {
        Span title = new Span(job.title());
        title.addClassName("job-title");
        Span type = new Span(job.type());
        type.addClassName("job-type");
        Div cell = new Div(title, type);
        cell.addClassName("job-title-cell");
        return cell;
    }

    private Component actions(JobSummary job) {
        Button open = new Button(VaadinIcon.INFO_CIRCLE_O.create(), event -> openDetails(job.id()));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        open.setAriaLabel("Details of " + job.title());
        open.setTooltipText("Details");
        Div actions = new Div(open);
        actions.addClassName("job-actions");
        if (job.state().isActive() && !job.cancelRequested()) {
            Button cancel = new Button("Cancel", VaadinIcon.CLOSE_SMALL.create(), event -> confirmCancel(job));
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL,
                    ButtonVariant.LUMO_ERROR);
            cancel.setAriaLabel("Cancel " + job.title());
            actions.add(cancel);
        }
        return actions;
    }

    private void openDetails(long id) {
        if (details != null) {
            details.close();
        }
        details = new JobDialog(jobs, id, clock, this::confirmCancel);
        details.open();
        details.addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                clearAddress();
            }
        });
    }

    void confirmCancel(JobSummary job) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Cancel “" + job.title() + "”?");
        confirm.setText(job.state() == JobState.RUNNING
                ? "The job stops at its next safe point. What it has done so far stays done."
                : "The job has not started yet and will not run.");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep it");
        confirm.setConfirmText("Cancel job");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> cancel(job));
        confirm.open();
    }

    private void cancel(JobSummary job) {
        try {
            jobs.cancel(job.id());
            Feedback.success(job.state() == JobState.RUNNING ? "Asked “" + job.title() + "” to stop."
                    : "Cancelled “" + job.title() + "”.");
        } catch (InvalidInputException | AccessDeniedException e) {
            Feedback.error(e.getMessage());
        }
        refresh();
    }

    private void clearAddress() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("jobs", QueryParameters.simple(Map.of()))));
    }
}
