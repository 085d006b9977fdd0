package org.grassroots.crm.reports.internal;

import java.util.Optional;

import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.ReportInfo;

/** One runnable report; calls reach the plugin through the plugin host's fault barrier. */
public interface ReportSource {

    ReportInfo info();

    ReportTable run(StatsFilter filter);

    Optional<ReportTable> drillDown(String category, StatsFilter filter);
}
