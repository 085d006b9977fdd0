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
 * placeholder ("<10", sorted below every number). Clicking a row reports its category to {@code onRow}.
 */
class ReportGrid extends Grid<List<ReportCell>> {

    ReportGrid(Consumer<List<ReportCell>> onRow) {
        addClassName("report-grid");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
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
            if (column.kind() == ColumnKind.TEXT) {
                shown.setComparator(row -> row.get(index).display(ColumnKind.TEXT));
                shown.setAutoWidth(true);
            } else {
                shown.setTextAlign(ColumnTextAlign.END);
                shown.setComparator(Comparator.comparing(
                        (List<ReportCell> row) -> row.get(index).number().orElse(BigDecimal.valueOf(-1))));
            }
        }
        setItems(run.rows());
    }
}
