package org.grassroots.crm.reports.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.ReportInfo;
import org.grassroots.crm.reports.ReportRun;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Runs a started report and protects its table for an audience; shared by the screens and the exports. */
@Component
public class ReportRunner {

    private final ReportSources sources;
    private final Clock clock;
    private final int threshold;

    ReportRunner(ReportSources sources, Clock clock,
            @Value("${crm.reports.small-number-threshold:10}") int threshold) {
        this.sources = sources;
        this.clock = clock;
        this.threshold = threshold;
        new ReportProtection(true, true, threshold);
    }

    public int threshold() {
        return threshold;
    }

    public List<ReportInfo> reports() {
        return sources.started().stream().map(ReportSource::info).toList();
    }

    public Optional<ReportInfo> find(String reportId) {
        return sources.find(reportId).map(ReportSource::info);
    }

    public ReportRun run(String reportId, StatsFilter filter, ReportProtection protection) {
        ReportSource source = source(reportId);
        return protection.apply(source.info(), source.run(filter), filter, clock.instant());
    }

    public Optional<ReportRun> drillDown(String reportId, String category, StatsFilter filter,
            ReportProtection protection) {
        ReportSource source = source(reportId);
        return source.drillDown(category, filter)
                .map(table -> protection.apply(source.info(), table, filter, clock.instant()));
    }

    private ReportSource source(String reportId) {
        return sources.find(reportId).orElseThrow(() -> new InvalidInputException("report",
                "No running report '" + reportId + "': its plugin may have been disabled"));
    }
}
