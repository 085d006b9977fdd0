package org.grassroots.crm.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.reports.Report;
import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginExtension;
import org.grassroots.crm.reports.ReportInfo;
import org.springframework.stereotype.Component;

/** The {@link Report} extensions of the started plugins, called through the plugin host's fault barrier. */
@Component
class ReportPlugins implements ReportSources {

    private final PluginCalls plugins;

    ReportPlugins(PluginCalls plugins) {
        this.plugins = plugins;
    }

    /** Leaves out a report whose plugin fails while describing it (the barrier has marked that plugin failed). */
    @Override
    public List<ReportSource> started() {
        List<ReportSource> started = new ArrayList<>();
        for (PluginExtension<Report> extension : plugins.extensions(Report.class)) {
            try {
                String description = plugins.call(extension, "description", Report::description);
                started.add(new Barriered(extension, new ReportInfo(
                        ReportInfo.id(extension.pluginId(), extension.extensionId()), extension.pluginId(),
                        extension.displayName(), description)));
            } catch (PluginUnavailableException failed) {
                // the plugin is out of use now; the list shows the others
            }
        }
        return started;
    }

    private final class Barriered implements ReportSource {

        private final PluginExtension<Report> extension;
        private final ReportInfo info;

        Barriered(PluginExtension<Report> extension, ReportInfo info) {
            this.extension = extension;
            this.info = info;
        }

        @Override
        public ReportInfo info() {
            return info;
        }

        @Override
        public ReportTable run(StatsFilter filter) {
            return plugins.call(extension, "run",
                    report -> Objects.requireNonNull(report.run(filter), "run returned no table"));
        }

        @Override
        public Optional<ReportTable> drillDown(String category, StatsFilter filter) {
            return plugins.call(extension, "drill-down",
                    report -> Objects.requireNonNull(report.drillDown(category, filter), "drillDown returned null"));
        }
    }
}
