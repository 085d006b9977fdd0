package org.grassroots.crm.exports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;

/**
 * An XLSX file read back for assertions: values and types with fastexcel's reader, and each cell's number format
 * from the file's own XML (the reader gives formats of numeric cells only).
 */
public final class XlsxFile {

    /** A cell as a spreadsheet would take it: its text, its type, its number format ({@code @} is Text). */
    public record Cell(String text, CellType type, @Nullable String format) {
    }

    public record Sheet(String name, List<List<Cell>> rows) {

        /** Each row's cell texts, empty cells as "". */
        public List<List<String>> texts() {
            return rows.stream().map(row -> row.stream().map(Cell::text).toList()).toList();
        }
    }

    private XlsxFile() {
    }

    public static List<Sheet> read(byte[] xlsx) throws IOException {
        List<Map<String, String>> formats = cellFormats(xlsx);
        List<Sheet> sheets = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, false))) {
            for (org.dhatim.fastexcel.reader.Sheet sheet : workbook.getSheets().toList()) {
                List<List<Cell>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    List<Cell> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        org.dhatim.fastexcel.reader.Cell cell = row.getCell(i);
                        cells.add(cell == null ? new Cell("", CellType.EMPTY, null)
                                : new Cell(cell.getText(), cell.getType(),
                                        formats.get(sheet.getIndex()).get(cell.getAddress().toString())));
                    }
                    rows.add(cells);
                }
                sheets.add(new Sheet(sheet.getName(), rows));
            }
        }
        return sheets;
    }

    /** Per sheet, each styled cell's number format code, by reference ({@code A1}). */
    private static List<Map<String, String>> cellFormats(byte[] xlsx) throws IOException {
        Path copy = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(copy, xlsx);
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                String styles = entry(zip, "xl/styles.xml");
                Map<String, String> codes = new HashMap<>(Map.of("0", "General", "49", "@"));
                Matcher numFmt = Pattern.compile("<numFmt numFmtId=\"(\\d+)\" formatCode=\"([^\"]*)\"")
                        .matcher(styles);
                while (numFmt.find()) {
                    codes.put(numFmt.group(1), numFmt.group(2));
                }
                Matcher cellXfs = Pattern.compile("<cellXfs[^>]*>(.*?)</cellXfs>").matcher(styles);
                List<String> styleFormats = new ArrayList<>();
                if (cellXfs.find()) {
                    Matcher xf = Pattern.compile("<xf numFmtId=\"(\\d+)\"").matcher(cellXfs.group(1));
                    while (xf.find()) {
                        styleFormats.add(codes.get(xf.group(1)));
                    }
                }
                List<Map<String, String>> sheets = new ArrayList<>();
                for (int i = 1; zip.getEntry("xl/worksheets/sheet" + i + ".xml") != null; i++) {
                    Map<String, String> cells = new HashMap<>();
                    Matcher cell = Pattern.compile("<c r=\"([A-Z]+\\d+)\" s=\"(\\d+)\"")
                            .matcher(entry(zip, "xl/worksheets/sheet" + i + ".xml"));
                    while (cell.find()) {
                        cells.put(cell.group(1), styleFormats.get(Integer.parseInt(cell.group(2))));
                    }
                    sheets.add(cells);
                }
                return sheets;
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static String entry(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
