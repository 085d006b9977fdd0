package org.grassroots.crm.pluginhost.adapter;

import org.grassroots.crm.plugin.api.reports.StatsQuery;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.grassroots.crm.reports.ReportStatistics;
import org.springframework.stereotype.Component;

/**
 * The {@link StatsQuery} port: the reports feature's {@link ReportStatistics}, the same for every plugin. Money is
 * judged per call by the user signed in on the calling thread (the plugin invoker carries the caller's security
 * context into the plugin).
 */
@Component
class StatsQueryPort implements PluginPortSource<StatsQuery> {

    private final ReportStatistics statistics;

    StatsQueryPort(ReportStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public Class<StatsQuery> portType() {
        return StatsQuery.class;
    }

    @Override
    public StatsQuery forPlugin(PluginScope scope) {
        return statistics;
    }
}
