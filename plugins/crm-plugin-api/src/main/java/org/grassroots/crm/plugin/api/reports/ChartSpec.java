package org.grassroots.crm.plugin.api.reports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How core draws a report's table as a chart.
 *
 * @param kind           the chart type
 * @param categoryColumn the key of the column along the category axis (the state for a map or a bar chart, the
 *                       week for a line chart)
 * @param valueColumns   the keys of the columns plotted; a map uses the first
 * @param seriesColumn   for a line chart, the key of the column that splits rows into series (the state), else
 *                       {@code null}
 */
public record ChartSpec(Kind kind, String categoryColumn, List<String> valueColumns, @Nullable String seriesColumn) {

    public ChartSpec {
        valueColumns = List.copyOf(valueColumns);
    }

    /** The chart types core can draw. */
    public enum Kind {
        /** A map of US states, coloured by the value; the category column holds USPS codes. */
        US_STATE_MAP,
        /** Horizontal bars, one per category. */
        BAR,
        /** Lines over time, one per series. */
        LINE
    }
}
