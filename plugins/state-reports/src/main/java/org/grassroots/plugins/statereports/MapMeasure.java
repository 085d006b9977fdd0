package org.grassroots.plugins.statereports;

import java.util.Arrays;
import java.util.List;

/** The columns of the state table an admin may choose for the map and the bar chart (never an amount of money). */
enum MapMeasure {
    SUPPORTERS_PER_10K("Supporters per 10,000 residents", StateColumns.SUPPORTERS_PER_10K),
    SUPPORTERS("Supporters", StateColumns.SUPPORTERS),
    NEW_SUPPORTERS("New supporters in the period", StateColumns.NEW_SUPPORTERS),
    SIGNATURES("Signatures in the period", StateColumns.SIGNATURES),
    SIGNATURES_PER_10K("Signatures per 10,000 residents", StateColumns.SIGNATURES_PER_10K),
    DONORS("Donors in the period", StateColumns.DONORS),
    ACTIVE_VOLUNTEERS("Active volunteers", StateColumns.ACTIVE_VOLUNTEERS);

    private final String label;
    private final String column;

    MapMeasure(String label, String column) {
        this.label = label;
        this.column = column;
    }

    String label() {
        return label;
    }

    /** The key of the state table's column. */
    String column() {
        return column;
    }

    static List<String> labels() {
        return Arrays.stream(values()).map(MapMeasure::label).toList();
    }

    static MapMeasure fromLabel(String label) {
        return Arrays.stream(values()).filter(measure -> measure.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The setting \"Map and bar chart show\" of plugin "
                        + "state-reports holds '" + label + "', which is not one of " + labels()));
    }
}
