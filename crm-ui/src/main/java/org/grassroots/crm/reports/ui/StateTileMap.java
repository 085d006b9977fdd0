package org.grassroots.crm.reports.ui;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.reports.MapScale;
import org.grassroots.crm.reports.ReportCell;
import org.grassroots.crm.reports.ReportRun;
import org.grassroots.crm.reports.StateTileGrid;

/**
 * The state map as a tile grid (ADR 0011): a CSS grid of equal squares with each state's code and value, coloured
 * by the measure chosen among the table's numeric columns, with a legend. A masked value shows as "<10" on a
 * hatched tile; clicking a tile opens that state's drill-down.
 */
class StateTileMap extends Div {

    final Select<ReportColumn> measure = new Select<>();
    final Div grid = new Div();
    final Div legend = new Div();
    private final Consumer<String> onState;
    private ReportRun run;
    private int category;

    StateTileMap(Consumer<String> onState) {
        this.onState = onState;
        addClassName("state-map");
        measure.setLabel("Colour states by");
        measure.setItemLabelGenerator(ReportColumn::label);
        measure.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                draw();
            }
        });
        grid.addClassName("state-map-grid");
        grid.getStyle().set("--state-map-columns", Integer.toString(StateTileGrid.COLUMNS));
        legend.addClassName("state-map-legend");
        add(measure, grid, legend);
    }

    /** Shows the run's map, keeping the chosen measure when the run still has it. */
    void show(ReportRun run, ChartSpec spec) {
        this.run = run;
        this.category = run.indexOf(spec.categoryColumn());
        List<ReportColumn> numeric = run.columns().stream().filter(c -> c.kind() != ColumnKind.TEXT).toList();
        ReportColumn chosen = measure.getValue();
        measure.setItems(numeric);
        measure.setValue(chosen != null && numeric.contains(chosen) ? chosen
                : run.columns().get(run.indexOf(spec.valueColumns().getFirst())));
        draw();
    }

    /** The key of the column the map colours by. */
    String measureKey() {
        return measure.getValue() == null ? null : measure.getValue().key();
    }

    private void draw() {
        grid.removeAll();
        legend.removeAll();
        ReportColumn column = measure.getValue();
        int value = run.indexOf(column.key());
        Map<String, ReportCell> byState = new HashMap<>();
        run.rows().stream().filter(row -> StateTileGrid.tile(row.get(category).display(ColumnKind.TEXT)).isPresent())
                .forEach(row -> byState.put(row.get(category).display(ColumnKind.TEXT), row.get(value)));
        MapScale scale = MapScale.of(byState.values().stream().flatMap(c -> c.number().stream()).toList());
        for (StateTileGrid.Tile t : StateTileGrid.tiles()) {
            grid.add(tile(t, byState.getOrDefault(t.state(), ReportCell.EMPTY), column.kind(), scale));
        }
        for (MapScale.LegendEntry entry : scale.legend()) {
            legend.add(swatch(entry.colour(), new ReportCell(entry.from(), null).display(column.kind()) + " – "
                    + new ReportCell(entry.to(), null).display(column.kind()), false));
        }
        if (run.masking()) {
            legend.add(swatch(MapScale.MASKED, "<" + run.smallNumberThreshold() + " (protected)", true));
        }
        legend.add(swatch(MapScale.NO_DATA, "No data", false));
    }

    private Div tile(StateTileGrid.Tile t, ReportCell cell, ColumnKind kind, MapScale scale) {
        Span code = new Span(t.state());
        code.addClassName("state-tile-code");
        Span value = new Span(cell.display(kind));
        value.addClassName("state-tile-value");
        Div tile = new Div(code, value);
        tile.addClassName("state-tile");
        tile.getElement().setAttribute("data-state", t.state());
        tile.getElement().setAttribute("title", t.state() + ": " + (cell.display(kind).isEmpty() ? "no data"
                : cell.display(kind)));
        tile.getStyle().set("grid-row", Integer.toString(t.row() + 1))
                .set("grid-column", Integer.toString(t.column() + 1));
        if (cell.isMasked()) {
            tile.addClassName("state-tile-masked");
        } else if (cell.number().isPresent()) {
            BigDecimal n = cell.number().get();
            tile.getStyle().set("background-color", scale.colour(n));
            if (scale.bounds().size() > 1 && scale.classOf(n) >= 3) {
                tile.addClassName("state-tile-dark");
            }
        } else {
            tile.addClassName("state-tile-empty");
        }
        tile.addClickListener(e -> onState.accept(t.state()));
        return tile;
    }

    private static Div swatch(String colour, String label, boolean hatched) {
        Span box = new Span();
        box.addClassName("state-map-swatch");
        box.getStyle().set("background-color", colour);
        if (hatched) {
            box.addClassName("state-tile-masked");
        }
        Div entry = new Div(box, new Span(label));
        entry.addClassName("state-map-legend-entry");
        return entry;
    }
}
