package org.grassroots.crm.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.reports.internal.ReportCsv;
import org.grassroots.crm.reports.internal.ReportPdf;
import org.junit.jupiter.api.Test;

/** The CSV and PDF files of a protected report, read back. */
class ReportExportFilesTest {

    private static final String FILTERS = "2026-09-01 to 2026-11-29 · tag: iowa";

    @Test
    void theCsvHasABomCommentsTheTableMaskedValuesAndNeutralisedText() throws IOException {
        ReportRun run = ReportProtectionTest.protect(false, true, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ReportCsv.write(run, FILTERS, out);

        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(csv.lines().toList()).startsWith(
                "# Supporters by state",
                "# Filters: " + FILTERS,
                "# Generated 2026-11-23 08:40 UTC",
                "# Counts below 10 are shown as <10, and so are the rates computed from them.",
                "# Rates per 10,000 residents (2020 census).",
                "state,supporters,per10k,signatures,change,hours");
        assertThat(csv).contains("\r\nIA,1234,3.87,2500,12.5,310.5\r\n")
                .contains("\r\nCA,980,0.25,1200,-4.0,120.0\r\n")
                .contains("\r\nNH,<10,<10,15,3.1,2.0\r\n")
                .contains("\r\nVT,0,0.00,<10,<10,0.0\r\n")
                .contains("\r\n\"'=HYPERLINK(\"\"x\"\")\",12,1.00,20,0.0,1.0\r\n")
                .doesNotContain("donations").doesNotContain("45210");
    }

    @Test
    void thePdfHasTheTitleFiltersMapTableAndFooter() throws IOException {
        ReportRun run = ReportProtectionTest.protect(true, true, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ReportPdf.write(run, FILTERS, null, out);

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            String first = text(pdf, 1);
            assertThat(first).contains("Supporters by state").contains("Filters: " + FILTERS)
                    .contains("Map: Supporters").contains("Signatures").contains("IA").contains("ME")
                    .contains("<10 (protected)").contains("Page 1 of 2")
                    .contains("Generated 2026-11-23 08:40 UTC");
            String table = text(pdf, 2);
            assertThat(table).contains("State").contains("Per 10k residents").contains("Donations")
                    .contains("1,234").contains("$45,210.75").contains("+12.5%")
                    .contains("Rates per 10,000 residents (2020 census).").contains("Page 2 of 2");
            assertThat(table.lines().filter(l -> l.startsWith("NH")).findFirst().orElseThrow())
                    .contains("<10").doesNotContain(" 7 ");
        }
    }

    @Test
    void aLongTableRepeatsItsHeaderOnEveryPage() throws IOException {
        ReportRun base = ReportProtectionTest.protect(false, false, 10);
        java.util.List<java.util.List<ReportCell>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(base.rows().get(i % base.rows().size()));
        }
        ReportRun run = new ReportRun(base.report(), base.title(), base.columns(), rows, java.util.List.of(),
                base.footnotes(), base.filter(), base.generatedAt(), false, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ReportPdf.write(run, FILTERS, null, out);

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                String text = text(pdf, page);
                assertThat(text).contains("Page " + page + " of " + pdf.getNumberOfPages());
                if (text.contains("1,234")) {
                    assertThat(text).as("page " + page + " holds rows").contains("Per 10k residents");
                }
            }
            assertThat(text(pdf, 1)).contains("1,234");
            assertThat(text(pdf, pdf.getNumberOfPages())).contains("Rates per 10,000 residents (2020 census).");
        }
    }

    @Test
    void aWideTableGetsColumnsAsWideAsTheirValuesTheFocusStarAndWholeFootnotes() throws IOException {
        List<ReportColumn> columns = new ArrayList<>(List.of(ReportColumn.of("focus", "Focus", ColumnKind.TEXT),
                ReportColumn.of("state", "State", ColumnKind.TEXT), ReportColumn.of("name", "Name", ColumnKind.TEXT)));
        for (int i = 0; i < 15; i++) {
            columns.add(ReportColumn.of("c" + i, "Signatures per 10,000 residents " + i, ColumnKind.COUNT));
        }
        List<List<ReportCell>> rows = List.of(
                row("\u2605", "DC", "District of Columbia", 702_250L),
                row("", "CA", "California", 39_431_263L),
                row("", "Total", "United States", 340_110_988L));
        String footnote = "Residents: U.S. Census Bureau, Vintage 2024 population estimates for July 1, 2024 (table "
                + "NST-EST2024-POP) for the states, DC and Puerto Rico; 2020 Island Areas Censuses counts for the "
                + "other territories, which the Bureau does not estimate every year: the end of this note.";
        ReportRun run = new ReportRun(new ReportInfo("p.states", "p", "States", "By state"), "Wide", columns, rows,
                List.of(new ChartSpec(ChartSpec.Kind.US_STATE_MAP, "state", List.of("c0"), null)),
                List.of(footnote), ReportProtectionTest.protect(false, true, 10).filter(),
                Instant.parse("2026-11-23T08:40:00Z"), true, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ReportPdf.write(run, FILTERS, null, out);

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(text(pdf, 1)).as("the map's scale leaves out the total row").contains("39,431,263")
                    .doesNotContain("340,110,988");
            String table = text(pdf, 2);
            assertThat(table).contains("\u2605 DC District of Columbia 702,250", "CA California 39,431,263",
                    "Total United States 340,110,988");
            assertThat(table.replaceAll("\\s+", " ")).contains(footnote);
        }
    }

    /** A row of three texts and fifteen times the same count. */
    private static List<ReportCell> row(String focus, String state, String name, long count) {
        List<ReportCell> row = new ArrayList<>(List.of(new ReportCell(focus, null),
                new ReportCell(state, null), new ReportCell(name, null)));
        for (int i = 0; i < 15; i++) {
            row.add(new ReportCell(count, null));
        }
        return row;
    }

    private static String text(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }
}
