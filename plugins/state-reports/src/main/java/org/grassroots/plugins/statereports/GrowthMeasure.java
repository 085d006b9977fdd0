package org.grassroots.plugins.statereports;

import java.util.Arrays;
import java.util.List;

import org.grassroots.crm.plugin.api.reports.Measure;

/** What the weekly growth report may draw: counts made within each week. */
enum GrowthMeasure {
    NEW_SUPPORTERS("New supporters", Measure.NEW_SUPPORTERS),
    SIGNATURES("Signatures", Measure.SIGNATURES);

    private final String label;
    private final Measure measure;

    GrowthMeasure(String label, Measure measure) {
        this.label = label;
        this.measure = measure;
    }

    String label() {
        return label;
    }

    Measure measure() {
        return measure;
    }

    static List<String> labels() {
        return Arrays.stream(values()).map(GrowthMeasure::label).toList();
    }

    static GrowthMeasure fromLabel(String label) {
        return Arrays.stream(values()).filter(measure -> measure.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The setting \"Growth report counts\" of plugin "
                        + "state-reports holds '" + label + "', which is not one of " + labels()));
    }
}
