package org.grassroots.plugins.statereports;

import java.util.List;

import org.grassroots.crm.plugin.api.settings.PluginSettings;

/**
 * The plugin's settings as the reports use them, read at each run so a change applies to the next one.
 *
 * @param focusStates     USPS codes pinned on top, in the admin's order
 * @param mapMeasure      the column the map and bar chart show
 * @param growthMeasure   what the growth report draws
 * @param growthTopStates how many states besides the focus states the growth report draws
 */
record ReportPreferences(List<String> focusStates, MapMeasure mapMeasure, GrowthMeasure growthMeasure,
        int growthTopStates) {

    static ReportPreferences read(PluginSettings settings) {
        return new ReportPreferences(
                StateReportSettings.parseFocusStates(settings.get(StateReportSettings.FOCUS_STATES)
                        .orElse(StateReportSettings.DEFAULT_FOCUS_STATES)),
                settings.get(StateReportSettings.MAP_MEASURE).map(MapMeasure::fromLabel)
                        .orElse(MapMeasure.SUPPORTERS_PER_10K),
                settings.get(StateReportSettings.GROWTH_MEASURE).map(GrowthMeasure::fromLabel)
                        .orElse(GrowthMeasure.NEW_SUPPORTERS),
                Math.clamp(settings.getInt(StateReportSettings.GROWTH_TOP_STATES,
                        StateReportSettings.DEFAULT_GROWTH_TOP_STATES), 0, StateReportSettings.MAX_GROWTH_TOP_STATES));
    }
}
