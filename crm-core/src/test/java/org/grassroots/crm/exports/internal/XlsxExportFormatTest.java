package org.grassroots.crm.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.reader.CellType;
import org.grassroots.crm.exports.XlsxFile;
import org.grassroots.crm.plugin.api.exports.ExportColumn;
import org.grassroots.crm.plugin.api.exports.ExportWriter;
import org.junit.jupiter.api.Test;

/** The XLSX writer on its own: every value a text cell, and a new sheet (with the header) when one is full. */
class XlsxExportFormatTest {

    private static final List<ExportColumn> COLUMNS = List.of(new ExportColumn("first_name", "First name"),
            new ExportColumn("phone", "Phone"), new ExportColumn("zip", "ZIP"));

    @Test
    void valuesStayTextExactlyAsGivenEvenWhenTheyLookLikeNumbersOrFormulas() throws IOException {
        byte[] file = write(new XlsxExportFormat(), List.of(
                Arrays.asList("=HYPERLINK(\"http://evil.example\",\"x\")", "+15125550123", "00501"),
                Arrays.asList("Bea", null, "1e5")));

        List<XlsxFile.Sheet> sheets = XlsxFile.read(file);
        assertThat(sheets).singleElement().satisfies(sheet -> {
            assertThat(sheet.name()).isEqualTo("People");
            assertThat(sheet.texts()).containsExactly(List.of("First name", "Phone", "ZIP"),
                    List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+15125550123", "00501"),
                    List.of("Bea", "", "1e5"));
            sheet.rows().forEach(row -> row.stream().filter(cell -> !cell.text().isEmpty()).forEach(cell -> {
                assertThat(cell.type()).isEqualTo(CellType.STRING);
                assertThat(cell.format()).isEqualTo("@");
            }));
        });
    }

    @Test
    void aFullSheetContinuesOnTheNextWithTheHeaderAgain() throws IOException {
        List<List<String>> rows = java.util.stream.IntStream.rangeClosed(1, 2500)
                .mapToObj(i -> List.of("P" + i, "+1512555" + String.format("%04d", i), "5" + i)).toList();

        List<XlsxFile.Sheet> sheets = XlsxFile.read(write(new XlsxExportFormat(1001), rows));

        assertThat(sheets).extracting(XlsxFile.Sheet::name).containsExactly("People", "People 2", "People 3");
        assertThat(sheets).allSatisfy(sheet -> assertThat(sheet.texts().getFirst())
                .containsExactly("First name", "Phone", "ZIP"));
        assertThat(sheets).extracting(sheet -> sheet.rows().size()).containsExactly(1001, 1001, 501);
        List<String> firstNames = sheets.stream().flatMap(sheet -> sheet.texts().stream().skip(1))
                .map(List::getFirst).toList();
        assertThat(firstNames).hasSize(2500).startsWith("P1", "P2").endsWith("P2499", "P2500").doesNotHaveDuplicates();
    }

    private static byte[] write(XlsxExportFormat format, List<? extends List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = format.open(out, COLUMNS)) {
            for (List<String> row : rows) {
                writer.write(row);
            }
        }
        return out.toByteArray();
    }
}
