package org.grassroots.crm.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.crm.plugin.api.reports.Report;
import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.internal.ReportSource;
import org.grassroots.crm.reports.internal.ReportSources;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The reports core sees in these tests: reports registered by each test, called directly (the plugin host's barrier
 * is tested with real plugins in the pluginhost tests).
 */
public final class FakeReports implements ReportSources {

    public static final String PLUGIN = "fake-reports";

    private final Map<String, Report> reports = new ConcurrentHashMap<>();

    public <R extends Report> R add(R report) {
        reports.put(id(report), report);
        return report;
    }

    public void remove(Report report) {
        reports.remove(id(report));
    }

    public static String id(Report report) {
        return ReportInfo.id(PLUGIN, report.id());
    }

    @Override
    public List<ReportSource> started() {
        List<ReportSource> started = new ArrayList<>();
        reports.values().forEach(report -> started.add(new Direct(report)));
        started.sort((a, b) -> a.info().id().compareTo(b.info().id()));
        return started;
    }

    private record Direct(Report report) implements ReportSource {

        @Override
        public ReportInfo info() {
            return new ReportInfo(id(report), PLUGIN, report.displayName(), report.description());
        }

        @Override
        public ReportTable run(StatsFilter filter) {
            return report.run(filter);
        }

        @Override
        public Optional<ReportTable> drillDown(String category, StatsFilter filter) {
            return report.drillDown(category, filter);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        FakeReports fakeReports() {
            return new FakeReports();
        }
    }
}
