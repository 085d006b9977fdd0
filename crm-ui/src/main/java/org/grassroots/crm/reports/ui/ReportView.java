package org.grassroots.crm.reports.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.ReportCell;
import org.grassroots.crm.reports.ReportExports;
import org.grassroots.crm.reports.ReportInfo;
import org.grassroots.crm.reports.ReportRun;
import org.grassroots.crm.reports.ReportService;
import org.grassroots.crm.reports.StatsRefreshService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.Feedback;

/**
 * One report: its filters, the state map, the bar and time-series charts, the table, and the CSV and PDF downloads.
 * Everything shown is protected by core for the user's role; a click on a state tile or a table row opens the
 * drill-down of that state. The figures are as of the last statistics refresh, which admins and organizers may
 * start from here.
 */
@Route("reports/:id")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME,
        Role.ANALYST_NAME})
class ReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";
    static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("MMM d, uuuu HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ReportService reports;
    private final ReportExports exports;
    private final StatsRefreshService refreshes;
    private final Clock clock;
    final Paragraph description = new Paragraph();
    final Paragraph generated = new Paragraph();
    final Paragraph asOf = new Paragraph();
    final Button refresh = new Button("Refresh figures", VaadinIcon.REFRESH.create());
    final Paragraph problem = new Paragraph();
    final StateTileMap map = new StateTileMap(this::drillDown);
    final EChart bar = new EChart("report-bar-chart");
    final EChart line = new EChart("report-line-chart");
    final ReportGrid grid = new ReportGrid(this::drillDownRow);
    final Paragraph footnotes = new Paragraph();
    ReportFilterBar filters;
    ReportDownloads downloads;
    private ReportInfo report;
    private StatsFilter applied;
    private ReportRun run;

    ReportView(ReportService reports, ReportExports exports, StatsRefreshService refreshes,
            AuthenticationContext authentication, Clock clock) {
        this.reports = reports;
        this.exports = exports;
        this.refreshes = refreshes;
        this.clock = clock;
        addClassName("report-view");
        description.addClassName("page-summary");
        generated.addClassName("report-generated");
        asOf.addClassName("report-as-of");
        refresh.addClassName("report-refresh");
        refresh.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        refresh.setVisible(authentication.hasAnyRole(Role.ADMIN_NAME, Role.ORGANIZER_NAME));
        refresh.addClickListener(e -> refresh());
        problem.addClassName("report-problem");
        footnotes.addClassName("report-footnotes");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(ID).orElse("");
        report = reports.find(id).orElse(null);
        removeAll();
        if (report == null) {
            problem.setText("No running report '" + id + "'. Its plugin may have been disabled.");
            add(problem, new RouterLink("All reports", ReportsView.class));
            return;
        }
        applied = ReportService.defaultFilter(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        filters = new ReportFilterBar(applied, reports.filterChoices(), this::apply);
        downloads = new ReportDownloads(report.id(), exports, () -> applied, map::measureKey);
        description.setText(report.description());
        Div charts = new Div(bar, line);
        charts.addClassName("report-charts");
        Div visuals = new Div(map, charts);
        visuals.addClassName("report-visuals");
        Div status = new Div(generated, asOf);
        status.addClassName("report-status");
        HorizontalLayout freshness = new HorizontalLayout(status, refresh);
        freshness.setAlignItems(FlexComponent.Alignment.CENTER);
        add(description, filters, downloads, freshness, problem, visuals, grid, footnotes);
        apply(applied);
    }

    @Override
    public String getPageTitle() {
        return report == null ? "Report" : report.name();
    }

    private void apply(StatsFilter filter) {
        try {
            run = reports.run(report.id(), filter);
        } catch (PluginUnavailableException | InvalidInputException failed) {
            problem.setText(failed.getMessage());
            problem.setVisible(true);
            Feedback.error(failed.getMessage());
            return;
        }
        applied = filter;
        problem.setVisible(false);
        generated.setText("Generated " + GENERATED.format(run.generatedAt()) + " UTC · " + run.title()
                + (run.masking() ? " · counts below " + run.smallNumberThreshold() + " are shown as <"
                        + run.smallNumberThreshold() : ""));
        asOf.setText(refreshes.lastRefresh().map(last -> "Figures as of " + GENERATED.format(last.refreshedAt())
                + " UTC; changes made since then show after the next statistics refresh.")
                .orElse("The statistics have not been computed yet; the figures appear after the first refresh."));
        run.chart(ChartSpec.Kind.US_STATE_MAP).ifPresentOrElse(spec -> {
            map.show(run, spec);
            map.setVisible(true);
        }, () -> map.setVisible(false));
        show(bar, run.chart(ChartSpec.Kind.BAR).map(spec -> ReportChartOptions.bar(run, spec)).orElse(null));
        show(line, run.chart(ChartSpec.Kind.LINE).map(spec -> ReportChartOptions.line(run, spec)).orElse(null));
        grid.show(run);
        footnotes.setText(String.join(" ", run.footnotes()));
    }

    private void refresh() {
        long job = refreshes.refreshNow();
        Feedback.success("Refreshing the figures as job #" + job + "; apply the filters again once it has finished"
                + " (the Jobs screen shows it).");
    }

    private static void show(EChart chart, String option) {
        chart.setVisible(option != null);
        if (option != null) {
            chart.setOption(option);
        }
    }

    private void drillDownRow(List<ReportCell> row) {
        int category = run.chart(ChartSpec.Kind.US_STATE_MAP).or(() -> run.chart(ChartSpec.Kind.BAR))
                .map(spec -> run.indexOf(spec.categoryColumn()))
                .or(() -> run.chart(ChartSpec.Kind.LINE).filter(spec -> spec.seriesColumn() != null)
                        .map(spec -> run.indexOf(spec.seriesColumn())))
                .orElse(0);
        drillDown(row.get(category).display(ColumnKind.TEXT));
    }

    private void drillDown(String category) {
        try {
            reports.drillDown(report.id(), category, applied)
                    .<com.vaadin.flow.component.dialog.Dialog>map(DrillDownDialog::new)
                    .orElseGet(() -> DrillDownDialog.none(category)).open();
        } catch (PluginUnavailableException | InvalidInputException failed) {
            Feedback.error(failed.getMessage());
        }
    }
}
