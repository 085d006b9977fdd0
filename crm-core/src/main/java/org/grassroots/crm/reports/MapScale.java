package org.grassroots.crm.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The colour scale of a state map: up to five equal-interval classes from the smallest to the largest shown value,
 * light to dark green. Masked and missing values have no class (the map hatches or greys them). One scale serves
 * the screen and the PDF, so both colour a state alike.
 *
 * @param bounds the classes' lower bounds, ascending; a value belongs to the last class whose bound it reaches
 * @param max    the largest value
 */
public record MapScale(List<BigDecimal> bounds, BigDecimal max) {

    /** Light to dark, one per class. */
    public static final List<String> COLOURS = List.of("#e3f1e8", "#b5dcc3", "#7cbf96", "#41976a", "#1d5e3e");
    /** The colour of a state with no value. */
    public static final String NO_DATA = "#f2f2f2";
    /** The colour under the hatching of a masked value. */
    public static final String MASKED = "#d9d9d9";

    public MapScale {
        bounds = List.copyOf(bounds);
    }

    public static MapScale of(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return new MapScale(List.of(), BigDecimal.ZERO);
        }
        BigDecimal min = values.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = values.stream().max(BigDecimal::compareTo).orElseThrow();
        if (min.compareTo(max) == 0) {
            return new MapScale(List.of(min), max);
        }
        BigDecimal step = max.subtract(min).divide(BigDecimal.valueOf(COLOURS.size()), 6, RoundingMode.HALF_UP);
        List<BigDecimal> bounds = new ArrayList<>();
        for (int i = 0; i < COLOURS.size(); i++) {
            bounds.add(min.add(step.multiply(BigDecimal.valueOf(i))));
        }
        return new MapScale(bounds, max);
    }

    /** The class of a value, 0 = lightest. */
    public int classOf(BigDecimal value) {
        int found = 0;
        for (int i = 0; i < bounds.size(); i++) {
            if (value.compareTo(bounds.get(i)) >= 0) {
                found = i;
            }
        }
        return found;
    }

    /** The colour of a value's class (a single-valued scale uses the middle colour). */
    public String colour(BigDecimal value) {
        return bounds.size() == 1 ? COLOURS.get(2) : COLOURS.get(classOf(value));
    }

    /** One legend entry per class: its colour, lower and upper bound. */
    public List<LegendEntry> legend() {
        List<LegendEntry> entries = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            BigDecimal upper = i + 1 < bounds.size() ? bounds.get(i + 1) : max;
            entries.add(new LegendEntry(bounds.size() == 1 ? COLOURS.get(2) : COLOURS.get(i), bounds.get(i), upper));
        }
        return entries;
    }

    public record LegendEntry(String colour, BigDecimal from, BigDecimal to) {
    }
}
