package org.grassroots.crm.plugin.api.reports;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A report's result: a titled table with optional charts. Values are by column position: {@link String} for
 * {@link ColumnKind#TEXT}, {@link Long} for {@link ColumnKind#COUNT}, {@link java.math.BigDecimal} for the other
 * kinds, or {@code null} for "no value".
 *
 * @param title     the heading above the table
 * @param columns   the columns, in display order
 * @param rows      the rows, each with one value per column
 * @param charts    the charts to draw from the rows, in display order; may be empty
 * @param footnotes lines printed under the table (sources, definitions); may be empty
 */
public record ReportTable(String title, List<ReportColumn> columns, List<List<@Nullable Object>> rows,
        List<ChartSpec> charts, List<String> footnotes) {

    public ReportTable {
        columns = List.copyOf(columns);
        List<List<@Nullable Object>> copies = new ArrayList<>(rows.size());
        for (List<@Nullable Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "Row " + (copies.size() + 1) + " has " + row.size() + " values for " + columns.size() + " columns");
            }
            copies.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copies);
        charts = List.copyOf(charts);
        footnotes = List.copyOf(footnotes);
    }
}
