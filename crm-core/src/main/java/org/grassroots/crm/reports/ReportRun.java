package org.grassroots.crm.reports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.plugin.api.reports.StatsFilter;

/**
 * A report as the current user may see it: protected by core (money columns removed for those who may not see
 * amounts, small counts and the rates derived from them masked), ready to show or export.
 *
 * @param report      the report it comes from
 * @param title       the table's heading
 * @param columns     the columns left after protection, in display order
 * @param rows        one cell per column
 * @param charts      the charts whose columns are all still present (a chart's removed columns are dropped)
 * @param footnotes   lines printed under the table
 * @param filter      the filters it was computed for
 * @param generatedAt when core computed it
 * @param masking     whether small counts were masked in this run
 * @param smallNumberThreshold the smallest count shown as is when masking
 */
public record ReportRun(ReportInfo report, String title, List<ReportColumn> columns, List<List<ReportCell>> rows,
        List<ChartSpec> charts, List<String> footnotes, StatsFilter filter, Instant generatedAt, boolean masking,
        int smallNumberThreshold) {

    public ReportRun {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        charts = List.copyOf(charts);
        footnotes = List.copyOf(footnotes);
    }

    /** The position of the column with {@code key}, or -1. */
    public int indexOf(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The first chart of {@code kind}, if the report has one left after protection. */
    public Optional<ChartSpec> chart(ChartSpec.Kind kind) {
        return charts.stream().filter(c -> c.kind() == kind).findFirst();
    }
}
