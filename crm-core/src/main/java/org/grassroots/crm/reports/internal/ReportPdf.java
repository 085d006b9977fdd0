package org.grassroots.crm.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.reports.ReportCell;
import org.grassroots.crm.reports.ReportRun;
import org.jspecify.annotations.Nullable;

/**
 * A report as a US Letter landscape PDF: the title and filters; the state map as a tile grid with its legend and
 * the bar chart, when the report has them; the table, paginated with its header repeated; the footnotes; and on
 * every page a footer with the filters, the generation time and "Page n of m".
 */
public final class ReportPdf {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.LETTER.getHeight(),
            PDRectangle.LETTER.getWidth());
    private static final float MARGIN = 36;
    private static final float FOOTER = 30;
    private static final float ROW = 14;

    private final PDDocument document = new PDDocument();
    private final ReportRun run;
    private final String filterText;
    private final ReportPdfColumns columns;
    private ReportPdfCanvas canvas;
    private float y;

    private ReportPdf(ReportRun run, String filterText) throws IOException {
        this.run = run;
        this.filterText = filterText;
        this.columns = ReportPdfColumns.of(run, PAGE.getWidth() - 2 * MARGIN);
    }

    /**
     * @param mapColumn the column the map colours states by, or {@code null} for the one the report's map names
     */
    public static void write(ReportRun run, String filterText, @Nullable String mapColumn, OutputStream out)
            throws IOException {
        ReportPdf pdf = new ReportPdf(run, filterText);
        try (PDDocument document = pdf.document) {
            document.getDocumentInformation().setTitle(run.title());
            document.getDocumentInformation().setCreator("Grassroots CRM");
            document.getDocumentCatalog().setMarkInfo(new PDMarkInfo());
            pdf.draw(mapColumn);
            pdf.footers();
            document.save(out);
        }
    }

    private void draw(@Nullable String mapColumn) throws IOException {
        newPage();
        canvas.text(run.title(), ReportPdfCanvas.BOLD, 18, MARGIN, y - 18);
        canvas.textFitted("Filters: " + filterText, ReportPdfCanvas.REGULAR, 9, MARGIN, y - 34,
                PAGE.getWidth() - 2 * MARGIN);
        y -= 50;
        float chartsHeight = charts(mapColumn);
        y -= chartsHeight;
        if (chartsHeight > 0) {
            newPage();
        }
        table();
        y -= 6;
        for (String footnote : run.footnotes()) {
            for (String line : ReportPdfCanvas.wrap(footnote, ReportPdfCanvas.REGULAR, 8, PAGE.getWidth() - 2 * MARGIN,
                    Integer.MAX_VALUE)) {
                ensureRoom(ROW);
                canvas.text(line, ReportPdfCanvas.REGULAR, 8, MARGIN, y - 10);
                y -= 11;
            }
            y -= 2;
        }
        canvas.content().close();
    }

    /** The map on the left and the bars on the right; the height they take, 0 when the report has neither. */
    private float charts(@Nullable String mapColumn) throws IOException {
        float width = PAGE.getWidth() - 2 * MARGIN;
        float used = 0;
        var map = run.chart(ChartSpec.Kind.US_STATE_MAP);
        if (map.isPresent()) {
            int category = run.indexOf(map.get().categoryColumn());
            int value = run.indexOf(mapColumn != null && run.indexOf(mapColumn) >= 0 ? mapColumn
                    : map.get().valueColumns().getFirst());
            used = ReportPdfCharts.map(canvas, run, category, value, MARGIN, y, width * 0.55f);
        }
        var bar = run.chart(ChartSpec.Kind.BAR);
        if (bar.isPresent()) {
            float x = map.isPresent() ? MARGIN + width * 0.6f : MARGIN;
            float barWidth = map.isPresent() ? width * 0.4f : width;
            float height = y - MARGIN - FOOTER;
            ReportPdfCharts.bars(canvas, run, run.indexOf(bar.get().categoryColumn()),
                    run.indexOf(bar.get().valueColumns().getFirst()), x, y, barWidth, height);
            used = height;
        }
        return used;
    }

    private void table() throws IOException {
        header();
        for (List<ReportCell> row : run.rows()) {
            if (ensureRoom(ROW)) {
                header();
            }
            cells(row);
        }
    }

    /** The column headings, wrapped onto up to three lines, on a grey band. */
    private void header() throws IOException {
        float size = columns.size();
        List<List<String>> labels = new java.util.ArrayList<>();
        int lines = 1;
        for (int i = 0; i < run.columns().size(); i++) {
            List<String> wrapped = ReportPdfCanvas.wrap(run.columns().get(i).label(), ReportPdfCanvas.BOLD, size,
                    columns.widths()[i] - ReportPdfColumns.PADDING, 3);
            labels.add(wrapped);
            lines = Math.max(lines, wrapped.size());
        }
        float height = lines * (size + 1.5f) + 5;
        canvas.fill("#e6e6e6", MARGIN, y - height, PAGE.getWidth() - 2 * MARGIN, height);
        canvas.colour("#1a1a1a");
        for (int i = 0; i < labels.size(); i++) {
            for (int line = 0; line < labels.get(i).size(); line++) {
                cell(i, labels.get(i).get(line), ReportPdfCanvas.BOLD, y - 3 - (line + 1) * (size + 1.5f) + 1.5f);
            }
        }
        y -= height;
    }

    private void cells(List<ReportCell> row) throws IOException {
        for (int i = 0; i < row.size(); i++) {
            String text = row.get(i).display(run.columns().get(i).kind());
            cell(i, ReportPdfCanvas.fit(text, ReportPdfCanvas.REGULAR, columns.size(),
                    columns.widths()[i] - ReportPdfColumns.PADDING), ReportPdfCanvas.REGULAR, y - 10);
        }
        y -= ROW;
    }

    /** Text in column {@code i}: left-aligned in a text column, right-aligned in a numeric one. */
    private void cell(int i, String text, org.apache.pdfbox.pdmodel.font.PDType1Font font, float baseline)
            throws IOException {
        float left = MARGIN + columns.x()[i];
        float pad = ReportPdfColumns.PADDING / 2;
        if (run.columns().get(i).kind() == ColumnKind.TEXT) {
            canvas.text(text, font, columns.size(), left + pad, baseline);
        } else {
            canvas.textRight(text, font, columns.size(), left + columns.widths()[i] - pad, baseline);
        }
    }

    /** Starts a new page when {@code height} does not fit above the footer; whether it did. */
    private boolean ensureRoom(float height) throws IOException {
        if (y - height >= MARGIN + FOOTER) {
            return false;
        }
        newPage();
        return true;
    }

    private void newPage() throws IOException {
        if (canvas != null) {
            canvas.content().close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        canvas = new ReportPdfCanvas(new PDPageContentStream(document, page));
        y = PAGE.getHeight() - MARGIN;
    }

    private void footers() throws IOException {
        int total = document.getNumberOfPages();
        String left = filterText + " · " + ReportFilterText.generated(run.generatedAt());
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                ReportPdfCanvas footer = new ReportPdfCanvas(content);
                footer.colour("#555555");
                String number = "Page " + (i + 1) + " of " + total;
                footer.textFitted(left, ReportPdfCanvas.REGULAR, 7.5f, MARGIN, MARGIN, PAGE.getWidth() - 2 * MARGIN - 80);
                footer.textRight(number, ReportPdfCanvas.REGULAR, 7.5f, PAGE.getWidth() - MARGIN, MARGIN);
            }
        }
    }
}
