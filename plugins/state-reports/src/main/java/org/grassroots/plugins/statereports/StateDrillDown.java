package org.grassroots.plugins.statereports;

import static org.grassroots.crm.plugin.api.reports.ColumnKind.COUNT;
import static org.grassroots.crm.plugin.api.reports.ColumnKind.TEXT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.grassroots.crm.plugin.api.reports.AreaFigure;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.reports.StatsQuery;
import org.jspecify.annotations.Nullable;

/** The drill-down of a state (or of the territories together): its top ZIP codes and top cities in one table. */
final class StateDrillDown {

    static final int TOP_AREAS = 15;
    static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.of("areaKind", "Kind", TEXT),
            ReportColumn.of("area", "Area", TEXT),
            ReportColumn.of("supporters", "Supporters", COUNT),
            ReportColumn.of("signatures", "Signatures", COUNT));

    private final StatsQuery stats;

    StateDrillDown(StatsQuery stats) {
        this.stats = stats;
    }

    /**
     * The table of the areas of {@code states}; with more than one state, each area is suffixed with its state's code
     * and the areas of all of them compete for the top places.
     */
    ReportTable table(String title, List<String> states, StatsFilter filter) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (AreaFigure.Kind kind : AreaFigure.Kind.values()) {
            for (AreaFigure area : top(kind, states, filter)) {
                rows.add(Arrays.asList(label(kind), area.area(), area.supporters(), area.signatures()));
            }
        }
        return new ReportTable(title + ": top ZIP codes and cities, " + filter.from() + " to " + filter.to(), COLUMNS,
                rows, List.of(), List.of("The " + TOP_AREAS + " ZIP codes and the " + TOP_AREAS
                        + " cities with the most supporters matching the filters, most first; signatures within the "
                        + "period."));
    }

    private List<AreaFigure> top(AreaFigure.Kind kind, List<String> states, StatsFilter filter) {
        if (states.size() == 1) {
            return stats.topAreas(states.getFirst(), kind, filter, TOP_AREAS);
        }
        List<AreaFigure> areas = new ArrayList<>();
        for (String state : states) {
            for (AreaFigure area : stats.topAreas(state, kind, filter, TOP_AREAS)) {
                areas.add(new AreaFigure(area.area() + ", " + state, area.supporters(), area.signatures()));
            }
        }
        areas.sort(Comparator.comparingLong(AreaFigure::supporters).reversed().thenComparing(AreaFigure::area));
        return areas.subList(0, Math.min(TOP_AREAS, areas.size()));
    }

    private static String label(AreaFigure.Kind kind) {
        return switch (kind) {
            case ZIP -> "ZIP code";
            case CITY -> "City";
        };
    }
}
