package org.grassroots.crm.reports.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.reports.MapScale;
import org.grassroots.crm.reports.ReportCell;
import org.grassroots.crm.reports.ReportRun;
import org.grassroots.crm.reports.StateTileGrid;

/** The PDF's state map (the tile grid with its legend) and bar chart, drawn with PDFBox primitives. */
final class ReportPdfCharts {

    private static final float GAP = 2;

    private ReportPdfCharts() {
    }

    /**
     * The tile-grid map of one column, its top-left corner at ({@code x}, {@code top}), fitted into {@code width}.
     *
     * @return the height used
     */
    static float map(ReportPdfCanvas canvas, ReportRun run, int categoryIndex, int valueIndex, float x, float top,
            float width) throws IOException {
        ReportColumn column = run.columns().get(valueIndex);
        Map<String, ReportCell> byState = new HashMap<>();
        for (List<ReportCell> row : run.rows()) {
            if (row.get(categoryIndex).value() instanceof String state && StateTileGrid.tile(state).isPresent()) {
                byState.put(state, row.get(valueIndex));
            }
        }
        MapScale scale = MapScale.of(byState.values().stream().flatMap(c -> c.number().stream()).toList());
        canvas.text("Map: " + column.label(), ReportPdfCanvas.BOLD, 10, x, top - 10);
        float tile = (width - GAP * (StateTileGrid.COLUMNS - 1)) / StateTileGrid.COLUMNS;
        float gridTop = top - 18;
        for (StateTileGrid.Tile t : StateTileGrid.tiles()) {
            float tx = x + t.column() * (tile + GAP);
            float ty = gridTop - (t.row() + 1) * tile - t.row() * GAP;
            ReportCell cell = byState.getOrDefault(t.state(), ReportCell.EMPTY);
            boolean dark = false;
            if (cell.isMasked()) {
                canvas.fill(MapScale.MASKED, tx, ty, tile, tile);
                canvas.hatch(tx, ty, tile, tile);
            } else if (cell.number().isPresent()) {
                BigDecimal value = cell.number().get();
                canvas.fill(scale.colour(value), tx, ty, tile, tile);
                dark = scale.bounds().size() > 1 && scale.classOf(value) >= 3;
            } else {
                canvas.fill(MapScale.NO_DATA, tx, ty, tile, tile);
            }
            canvas.colour(dark ? "#ffffff" : "#1a1a1a");
            canvas.text(t.state(), ReportPdfCanvas.BOLD, 8, tx + 3, ty + tile - 10);
            canvas.textFitted(cell.display(column.kind()), ReportPdfCanvas.REGULAR, 6.5f, tx + 3, ty + 4, tile - 5);
        }
        float legendTop = gridTop - StateTileGrid.ROWS * (tile + GAP) - 6;
        legend(canvas, scale, column.kind(), run, x, legendTop);
        return top - legendTop + 14;
    }

    private static void legend(ReportPdfCanvas canvas, MapScale scale, ColumnKind kind, ReportRun run, float x,
            float top) throws IOException {
        float at = x;
        for (MapScale.LegendEntry entry : scale.legend()) {
            String label = new ReportCell(entry.from(), null).display(kind) + " - "
                    + new ReportCell(entry.to(), null).display(kind);
            at = swatch(canvas, entry.colour(), false, label, at, top);
        }
        if (run.masking()) {
            at = swatch(canvas, MapScale.MASKED, true, "<" + run.smallNumberThreshold() + " (protected)", at, top);
        }
        swatch(canvas, MapScale.NO_DATA, false, "no data", at, top);
    }

    private static float swatch(ReportPdfCanvas canvas, String colour, boolean hatched, String label, float x,
            float top) throws IOException {
        canvas.fill(colour, x, top - 8, 10, 8);
        if (hatched) {
            canvas.hatch(x, top - 8, 10, 8);
        }
        canvas.colour("#1a1a1a");
        canvas.text(label, ReportPdfCanvas.REGULAR, 7, x + 13, top - 7);
        return x + 13 + ReportPdfCanvas.width(label, ReportPdfCanvas.REGULAR, 7) + 10;
    }

    /** Horizontal bars of one column, largest first, at most as many as fit in {@code height}. */
    static void bars(ReportPdfCanvas canvas, ReportRun run, int categoryIndex, int valueIndex, float x, float top,
            float width, float height) throws IOException {
        ReportColumn column = run.columns().get(valueIndex);
        List<List<ReportCell>> rows = new ArrayList<>(run.rows());
        rows.sort(Comparator.comparing((List<ReportCell> r) -> r.get(valueIndex).number().orElse(BigDecimal.valueOf(-1)))
                .reversed());
        int fits = (int) Math.max(1, (height - 16) / 9);
        List<List<ReportCell>> shown = rows.subList(0, Math.min(rows.size(), fits));
        String heading = column.label() + (shown.size() < rows.size() ? " (top " + shown.size() + " of "
                + rows.size() + ")" : "");
        canvas.text(heading, ReportPdfCanvas.BOLD, 10, x, top - 10);
        BigDecimal max = shown.stream().flatMap(r -> r.get(valueIndex).number().stream()).max(BigDecimal::compareTo)
                .filter(m -> m.signum() > 0).orElse(BigDecimal.ONE);
        float labelWidth = 60;
        float valueWidth = 50;
        float barSpace = width - labelWidth - valueWidth;
        float y = top - 24;
        for (List<ReportCell> row : shown) {
            ReportCell value = row.get(valueIndex);
            canvas.colour("#1a1a1a");
            canvas.textFitted(row.get(categoryIndex).display(ColumnKind.TEXT), ReportPdfCanvas.REGULAR, 7, x, y,
                    labelWidth - 4);
            float length = value.number().map(n -> n.max(BigDecimal.ZERO).floatValue() / max.floatValue() * barSpace)
                    .orElse(0f);
            if (length > 0) {
                canvas.fill(MapScale.COLOURS.get(3), x + labelWidth, y - 1, length, 7);
            }
            canvas.colour("#1a1a1a");
            canvas.text(value.display(column.kind()), ReportPdfCanvas.REGULAR, 7, x + labelWidth + length + 3, y);
            y -= 9;
        }
    }
}
