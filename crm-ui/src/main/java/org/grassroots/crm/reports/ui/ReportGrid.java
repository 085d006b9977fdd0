package org.grassroots.crm.reports.ui;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.reports.ReportCell;
import org.grassroots.crm.reports.ReportRun;

/**
 * A protected report table: one sortable column per report column, numbers right-aligned, masked values as their
 * placeholder ("<10", sorted below every number), text columns as wide as their values up to a limit (longer ones
 * wrap). Clicking a row reports its category to {@code onRow}.
 */
class ReportGrid extends Grid<List<ReportCell>> {

    /** Longer texts (the territories' names) wrap, so the numbers stay in view. */
    private static final int WIDEST_TEXT = 22;

    ReportGrid(Consumer<List<ReportCell>> onRow) {
        addClassName("report-grid");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addItemClickListener(e -> onRow.accept(e.getItem()));
    }

    void show(ReportRun run) {
        removeAllColumns();
        List<ReportColumn> columns = run.columns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            ReportColumn column = columns.get(i);
            Column<List<ReportCell>> shown = addColumn(row -> row.get(index).display(column.kind()))
                    .setHeader(column.label()).setKey(column.key()).setSortable(true).setResizable(true);
            shown.setWidth(width(run, index));
            if (column.kind() == ColumnKind.TEXT) {
                shown.setComparator(row -> row.get(index).display(ColumnKind.TEXT)).setFlexGrow(0);
            } else {
                shown.setTextAlign(ColumnTextAlign.END);
                shown.setComparator(Comparator.comparing(
                        (List<ReportCell> row) -> row.get(index).number().orElse(BigDecimal.valueOf(-1))));
            }
        }
        setItems(run.rows());
    }

    /**
     * Room for the column's longest value and its heading's longest word (headings wrap), a text column at most
     * {@value #WIDEST_TEXT} characters; in rem, since the header and body cells have different font sizes.
     */
    private static String width(ReportRun run, int index) {
        ReportColumn column = run.columns().get(index);
        int longest = 0;
        for (String word : column.label().split("\\s+")) {
            longest = Math.max(longest, word.length());
        }
        for (List<ReportCell> row : run.rows()) {
            longest = Math.max(longest, row.get(index).display(column.kind()).length());
        }
        int chars = column.kind() == ColumnKind.TEXT ? Math.min(longest, WIDEST_TEXT) : longest;
        return String.format(java.util.Locale.ROOT, "%.2frem", chars * 0.55 + 2.25);
    }
}
