package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.grassroots.crm.plugin.api.exports.ExportColumn;
import org.grassroots.crm.plugin.api.exports.ExportFormat;
import org.grassroots.crm.plugin.api.exports.ExportWriter;
import org.jspecify.annotations.Nullable;

/**
 * The built-in Excel workbook, written by fastexcel as a stream: rows go out every {@value #FLUSH_ROWS} rows, so
 * memory stays flat. Every value is an inline text cell in the Text number format ({@code @}): a spreadsheet shows it
 * exactly as stored and never evaluates it, not on opening and not when someone edits the cell, so
 * {@code +15125550123} stays a phone number and {@code =HYPERLINK(…)} stays text. That is why this format does not
 * ask core to neutralise formula-like values ({@link #opensInSpreadsheets()} is false): an apostrophe would show as
 * part of the value. A sheet holds at most {@value Worksheet#MAX_ROWS} rows; larger exports continue on further
 * sheets ("People 2", …), each with the header row.
 */
public final class XlsxExportFormat implements ExportFormat {

    public static final String ID = "xlsx";
    static final String DISPLAY_NAME = "Excel workbook (XLSX)";
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SHEET = "People";
    static final int FLUSH_ROWS = 1_000;
    private static final String TEXT_FORMAT = "@";

    private final int rowsPerSheet;

    public XlsxExportFormat() {
        this(Worksheet.MAX_ROWS);
    }

    /** With smaller sheets, so a test can show the roll-over without writing a million rows. */
    XlsxExportFormat(int rowsPerSheet) {
        this.rowsPerSheet = rowsPerSheet;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return DISPLAY_NAME;
    }

    @Override
    public String fileExtension() {
        return "xlsx";
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    /** Text cells are never evaluated, so core must not add the apostrophe it adds for CSV (see the class). */
    @Override
    public boolean opensInSpreadsheets() {
        return false;
    }

    @Override
    public ExportWriter open(OutputStream out, List<ExportColumn> columns) throws IOException {
        return new SheetWriter(new Workbook(out, "Grassroots CRM", "1.0"), columns, rowsPerSheet);
    }

    private static final class SheetWriter implements ExportWriter {

        private final Workbook workbook;
        private final List<ExportColumn> columns;
        private final int rowsPerSheet;
        private Worksheet sheet;
        private int sheets;
        private int row;
        private int unstyledFrom;

        SheetWriter(Workbook workbook, List<ExportColumn> columns, int rowsPerSheet) throws IOException {
            this.workbook = workbook;
            this.columns = columns;
            this.rowsPerSheet = rowsPerSheet;
            this.sheet = newSheet();
        }

        @Override
        public void write(List<@Nullable String> values) throws IOException {
            if (row == rowsPerSheet) {
                finishSheet();
                sheet = newSheet();
            }
            for (int column = 0; column < values.size(); column++) {
                String value = values.get(column);
                if (value != null && !value.isEmpty()) {
                    sheet.inlineString(row, column, value);
                }
            }
            row++;
            if (row - unstyledFrom >= FLUSH_ROWS) {
                flushRows();
            }
        }

        @Override
        public void close() throws IOException {
            finishSheet();
            workbook.finish();
        }

        private Worksheet newSheet() throws IOException {
            sheets++;
            Worksheet next = workbook.newWorksheet(sheets == 1 ? SHEET : SHEET + " " + sheets);
            for (int column = 0; column < columns.size(); column++) {
                next.inlineString(0, column, columns.get(column).label());
                next.width(column, 20);
            }
            next.range(0, 0, 0, columns.size() - 1).style().bold().format(TEXT_FORMAT).set();
            next.freezePane(0, 1);
            row = 1;
            unstyledFrom = 1;
            return next;
        }

        /** Gives the rows since the last flush the Text format, then writes them out and lets them go. */
        private void flushRows() throws IOException {
            if (row > unstyledFrom) {
                sheet.range(unstyledFrom, 0, row - 1, columns.size() - 1).style().format(TEXT_FORMAT).set();
                unstyledFrom = row;
            }
            sheet.flush();
        }

        private void finishSheet() throws IOException {
            flushRows();
            sheet.finish();
        }
    }
}
