package org.grassroots.crm.reports.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.reports.MapScale;
import org.grassroots.crm.reports.ReportCell;
import org.grassroots.crm.reports.ReportRun;
import tools.jackson.databind.json.JsonMapper;

/**
 * ECharts options for a report's BAR and LINE charts, computed from its protected rows: a masked value is a gap
 * (no bar, no point), never a number.
 */
final class ReportChartOptions {

    static final int MOST_BARS = 20;
    /** A guard for legibility; the bundled growth report draws at most 25 (10 focus states and 15 others). */
    static final int MOST_LINES = 25;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportChartOptions() {
    }

    /** Horizontal bars, largest first, at most {@value #MOST_BARS} categories. */
    static String bar(ReportRun run, ChartSpec spec) {
        int category = run.indexOf(spec.categoryColumn());
        int first = run.indexOf(spec.valueColumns().getFirst());
        List<List<ReportCell>> rows = new ArrayList<>(run.rows());
        rows.sort(Comparator.comparing((List<ReportCell> r) -> r.get(first).number().orElse(BigDecimal.valueOf(-1)))
                .reversed());
        rows = rows.subList(0, Math.min(MOST_BARS, rows.size()));
        List<Object> series = new ArrayList<>();
        for (String key : spec.valueColumns()) {
            int index = run.indexOf(key);
            series.add(Map.of("name", run.columns().get(index).label(), "type", "bar",
                    "data", rows.stream().map(r -> value(r.get(index))).toList()));
        }
        Map<String, Object> option = base(run.columns().get(first).label()
                + (rows.size() < run.rows().size() ? " (top " + rows.size() + ")" : ""));
        option.put("grid", Map.of("left", 8, "right", 24, "top", 48, "bottom", 8, "containLabel", true));
        option.put("xAxis", Map.of("type", "value"));
        option.put("yAxis", Map.of("type", "category", "inverse", true,
                "data", rows.stream().map(r -> r.get(category).display(ColumnKind.TEXT)).toList()));
        option.put("series", series);
        return JSON.writeValueAsString(option);
    }

    /**
     * One line per series value (state) over the categories, in the order the report lists them (the report ranks
     * its series: the state report puts its focus states first, zeros and all), at most {@value #MOST_LINES}.
     */
    static String line(ReportRun run, ChartSpec spec) {
        int category = run.indexOf(spec.categoryColumn());
        int value = run.indexOf(spec.valueColumns().getFirst());
        int seriesIndex = spec.seriesColumn() == null ? -1 : run.indexOf(spec.seriesColumn());
        TreeSet<String> categories = new TreeSet<>();
        Map<String, Map<String, Object>> points = new LinkedHashMap<>();
        for (List<ReportCell> row : run.rows()) {
            String x = row.get(category).display(ColumnKind.TEXT);
            String name = seriesIndex < 0 ? run.columns().get(value).label() : row.get(seriesIndex).display(ColumnKind.TEXT);
            categories.add(x);
            points.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(x, value(row.get(value)));
        }
        List<Object> series = new ArrayList<>();
        points.entrySet().stream().limit(MOST_LINES).forEach(entry -> {
            List<Object> data = new ArrayList<>();
            categories.forEach(x -> data.add(entry.getValue().getOrDefault(x, "-")));
            series.add(Map.of("name", entry.getKey(), "type", "line", "connectNulls", false, "data", data));
        });
        Map<String, Object> option = base(run.columns().get(value).label()
                + (series.size() < points.size() ? " (first " + series.size() + " of " + points.size() + ")" : ""));
        option.put("legend", Map.of("top", 24, "type", "scroll"));
        option.put("grid", Map.of("left", 8, "right", 24, "top", 72, "bottom", 8, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", List.copyOf(categories)));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", series);
        return JSON.writeValueAsString(option);
    }

    private static Map<String, Object> base(String title) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 24));
        option.put("color", List.of(MapScale.COLOURS.get(3), "#c77c2e", "#3b6fb6", "#8e5ba8", "#b8453a",
                "#5a8f29", "#2b8a8a", "#7a7a7a"));
        return option;
    }

    /** A chart value: the number, or "-" (ECharts' gap) when masked or missing. */
    private static Object value(ReportCell cell) {
        return cell.number().<Object>map(n -> n).orElse("-");
    }
}
