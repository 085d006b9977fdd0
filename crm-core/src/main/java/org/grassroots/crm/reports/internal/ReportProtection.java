package org.grassroots.crm.reports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.ReportCell;
import org.grassroots.crm.reports.ReportInfo;
import org.grassroots.crm.reports.ReportRun;
import org.jspecify.annotations.Nullable;

/**
 * Applies core's protection to a plugin's table before anything leaves core: removes {@link ColumnKind#MONEY}
 * columns (and columns derived from them) for an audience that may not see amounts, and, when masking, replaces
 * every {@link ColumnKind#COUNT} value from 1 to threshold − 1 with {@code <threshold}, together with every value of
 * the same row derived from it. Zero is shown: it describes nobody.
 *
 * @param seesMoney whether MONEY columns stay
 * @param masks     whether small counts are masked
 * @param threshold the smallest count shown as is
 */
public record ReportProtection(boolean seesMoney, boolean masks, int threshold) {

    public ReportProtection {
        if (threshold < 1) {
            throw new IllegalArgumentException("crm.reports.small-number-threshold must be at least 1, not " + threshold);
        }
    }

    public String placeholder() {
        return "<" + threshold;
    }

    public ReportRun apply(ReportInfo report, ReportTable table, StatsFilter filter, Instant generatedAt) {
        List<ReportColumn> all = table.columns();
        Set<String> removed = removedColumns(all);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!removed.contains(all.get(i).key())) {
                kept.add(i);
            }
        }
        List<ReportColumn> columns = kept.stream().map(all::get).toList();
        List<List<ReportCell>> rows = new ArrayList<>(table.rows().size());
        for (List<@Nullable Object> row : table.rows()) {
            rows.add(protect(all, row, kept));
        }
        List<ChartSpec> charts = table.charts().stream().map(chart -> withoutRemoved(chart, removed))
                .filter(chart -> chart != null).toList();
        return new ReportRun(report, table.title(), columns, rows, charts, table.footnotes(), filter, generatedAt,
                masks, threshold);
    }

    private Set<String> removedColumns(List<ReportColumn> columns) {
        Set<String> removed = new HashSet<>();
        if (seesMoney) {
            return removed;
        }
        columns.stream().filter(c -> c.kind() == ColumnKind.MONEY).forEach(c -> removed.add(c.key()));
        boolean grew = true;
        while (grew) {
            grew = columns.stream().filter(c -> c.derivedFrom() != null && removed.contains(c.derivedFrom()))
                    .map(c -> removed.add(c.key())).reduce(false, Boolean::logicalOr);
        }
        return removed;
    }

    private List<ReportCell> protect(List<ReportColumn> columns, List<@Nullable Object> row, List<Integer> kept) {
        ReportCell[] cells = new ReportCell[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            cells[i] = protectCount(columns.get(i), row.get(i));
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < columns.size(); i++) {
                String source = columns.get(i).derivedFrom();
                if (source != null && !cells[i].isMasked() && cells[indexOf(columns, source, columns.get(i))].isMasked()) {
                    cells[i] = ReportCell.masked(placeholder());
                    grew = true;
                }
            }
        }
        return kept.stream().map(i -> cells[i]).toList();
    }

    private ReportCell protectCount(ReportColumn column, @Nullable Object value) {
        if (value == null) {
            return ReportCell.EMPTY;
        }
        if (column.kind() == ColumnKind.COUNT && masks && value instanceof Number number) {
            BigDecimal n = new BigDecimal(number.toString());
            if (n.signum() > 0 && n.compareTo(BigDecimal.valueOf(threshold)) < 0) {
                return ReportCell.masked(placeholder());
            }
        }
        return new ReportCell(value instanceof Integer i ? Long.valueOf(i) : value, null);
    }

    private static int indexOf(List<ReportColumn> columns, String key, ReportColumn derived) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("Report column '" + derived.key() + "' derives from '" + key
                + "', which the table does not have");
    }

    private static @Nullable ChartSpec withoutRemoved(ChartSpec chart, Set<String> removed) {
        if (removed.contains(chart.categoryColumn())
                || (chart.seriesColumn() != null && removed.contains(chart.seriesColumn()))) {
            return null;
        }
        List<String> values = chart.valueColumns().stream().filter(v -> !removed.contains(v)).toList();
        return values.isEmpty() ? null
                : new ChartSpec(chart.kind(), chart.categoryColumn(), values, chart.seriesColumn());
    }
}
