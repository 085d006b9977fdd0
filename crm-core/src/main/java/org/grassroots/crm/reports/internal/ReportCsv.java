package org.grassroots.crm.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.grassroots.crm.common.SpreadsheetCells;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.reports.ReportCell;
import org.grassroots.crm.reports.ReportRun;

/**
 * A report as CSV: UTF-8 with a byte-order mark (spreadsheets then read accents), leading {@code #} comment lines
 * with the title, filters, generation time and footnotes, then a header of column keys and one record per row.
 * Numbers are plain (no grouping, a dot for decimals); masked values are their placeholder ({@code <10}). Text that
 * a spreadsheet would run as a formula is neutralised.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static void write(ReportRun run, String filterText, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CsvWriter csv = CsvWriter.builder().build(writer);
        csv.writeComment(" " + oneLine(run.title()));
        csv.writeComment(" Filters: " + oneLine(filterText));
        csv.writeComment(" " + ReportFilterText.generated(run.generatedAt()));
        if (run.masking()) {
            csv.writeComment(" Counts below " + run.smallNumberThreshold()
                    + " are shown as <" + run.smallNumberThreshold() + ", and so are the rates computed from them.");
        }
        for (String footnote : run.footnotes()) {
            csv.writeComment(" " + oneLine(footnote));
        }
        csv.writeRecord(run.columns().stream().map(c -> SpreadsheetCells.neutralise(c.key())).toList());
        for (List<ReportCell> row : run.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                ReportCell cell = row.get(i);
                boolean text = run.columns().get(i).kind() == ColumnKind.TEXT || cell.value() instanceof String;
                cells.add(text && !cell.isMasked() ? SpreadsheetCells.neutralise(cell.plain()) : cell.plain());
            }
            csv.writeRecord(cells);
        }
        csv.flush();
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
