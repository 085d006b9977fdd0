package org.grassroots.crm.reports.internal;

import java.io.IOException;
import java.util.List;

import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.reports.ReportCell;
import org.grassroots.crm.reports.ReportRun;

/**
 * The PDF table's type size and column widths, from what the columns hold: each column as wide as its widest value
 * and its heading's longest word (headings wrap onto up to three lines), text columns at most 15 % of the page;
 * the type as large as lets every column fit the page (8 pt at most, 5.5 pt at least), and the room left shared
 * out evenly. Only when even 5.5 pt does not fit are the columns narrowed in proportion, cutting long values.
 *
 * @param size the type size of the headings and cells
 * @param x    the left edge of each column, from the table's left edge
 * @param widths each column's width
 */
record ReportPdfColumns(float size, float[] x, float[] widths) {

    static final float PADDING = 10;
    private static final float LARGEST = 8;
    private static final float SMALLEST = 5.5f;
    private static final float STEP = 0.25f;
    private static final float TEXT_SHARE = 0.15f;

    static ReportPdfColumns of(ReportRun run, float available) throws IOException {
        List<ReportColumn> columns = run.columns();
        int n = columns.size();
        float[] unit = new float[n];
        for (int i = 0; i < n; i++) {
            ReportColumn column = columns.get(i);
            unit[i] = headingWidth(column.label());
            for (List<ReportCell> row : run.rows()) {
                unit[i] = Math.max(unit[i], ReportPdfCanvas.width(row.get(i).display(column.kind()),
                        ReportPdfCanvas.REGULAR, 1));
            }
        }
        float size = LARGEST;
        while (size > SMALLEST && sum(natural(columns, unit, size, available)) > available) {
            size -= STEP;
        }
        float[] widths = natural(columns, unit, size, available);
        float total = sum(widths);
        float[] x = new float[n];
        float at = 0;
        for (int i = 0; i < n; i++) {
            widths[i] = total <= available ? widths[i] + (available - total) / n : widths[i] * available / total;
            x[i] = at;
            at += widths[i];
        }
        return new ReportPdfColumns(size, x, widths);
    }

    /** Each column's width at a type size: its content and padding, a text column at most its share of the page. */
    private static float[] natural(List<ReportColumn> columns, float[] unit, float size, float available) {
        float[] widths = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            widths[i] = unit[i] * size + PADDING;
            if (columns.get(i).kind() == ColumnKind.TEXT) {
                widths[i] = Math.min(widths[i], available * TEXT_SHARE);
            }
        }
        return widths;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    /** At size 1: the heading's longest word, or a third of it when that is wider (it wraps onto three lines). */
    private static float headingWidth(String label) throws IOException {
        float longestWord = 0;
        for (String word : label.split("\\s+")) {
            longestWord = Math.max(longestWord, ReportPdfCanvas.width(word, ReportPdfCanvas.BOLD, 1));
        }
        return Math.max(longestWord, ReportPdfCanvas.width(label, ReportPdfCanvas.BOLD, 1) / 3);
    }
}
