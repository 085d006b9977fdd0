package org.grassroots.plugins.statereports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.plugin.api.settings.SettingType;
import org.grassroots.crm.plugin.api.settings.SettingsDescriptor;
import org.pf4j.Extension;

/**
 * The plugin's settings: the focus states pinned on top of the state table, the column the map and bar chart show,
 * and what the weekly growth report draws.
 */
@Extension
public class StateReportSettings implements SettingsDescriptor {

    static final String FOCUS_STATES = "focusStates";
    static final String MAP_MEASURE = "mapMeasure";
    static final String GROWTH_MEASURE = "growthMeasure";
    static final String GROWTH_TOP_STATES = "growthTopStates";

    /** The four early states of the presidential primary calendar. */
    static final String DEFAULT_FOCUS_STATES = "IA, NH, NV, SC";
    static final int MAX_FOCUS_STATES = 10;
    static final int DEFAULT_GROWTH_TOP_STATES = 6;
    static final int MAX_GROWTH_TOP_STATES = 15;

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public String displayName() {
        return "State reports";
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.of(FOCUS_STATES, "Focus states", SettingType.TEXT, false)
                        .withDefault(DEFAULT_FOCUS_STATES)
                        .withHelp("USPS codes separated by commas, pinned in this order at the top of the state "
                                + "table and always drawn in the growth chart; at most " + MAX_FOCUS_STATES + "."),
                new SettingField(MAP_MEASURE, "Map and bar chart show", SettingType.CHOICE, false,
                        MapMeasure.SUPPORTERS_PER_10K.label(), "The column of the state table the map colours by.",
                        MapMeasure.labels()),
                new SettingField(GROWTH_MEASURE, "Growth report counts", SettingType.CHOICE, false,
                        GrowthMeasure.NEW_SUPPORTERS.label(), "What the weekly growth report draws per state.",
                        GrowthMeasure.labels()),
                SettingField.of(GROWTH_TOP_STATES, "Growth report: other states drawn", SettingType.INTEGER, false)
                        .withDefault(Integer.toString(DEFAULT_GROWTH_TOP_STATES))
                        .withHelp("Besides the focus states, the states with the most in the period; 0 to "
                                + MAX_GROWTH_TOP_STATES + "."));
    }

    @Override
    public List<SettingProblem> validate(Map<String, String> values) {
        List<SettingProblem> problems = new ArrayList<>();
        String focus = values.get(FOCUS_STATES);
        if (focus != null) {
            focusProblem(focus).ifPresent(message -> problems.add(new SettingProblem(FOCUS_STATES, message)));
        }
        String top = values.get(GROWTH_TOP_STATES);
        if (top != null && !inRange(top)) {
            problems.add(new SettingProblem(GROWTH_TOP_STATES,
                    "Enter a whole number from 0 to " + MAX_GROWTH_TOP_STATES + "."));
        }
        return problems;
    }

    /** The focus states of a valid setting, in the order given. */
    static List<String> parseFocusStates(String value) {
        focusProblem(value).ifPresent(message -> {
            throw new IllegalStateException("The setting \"Focus states\" of plugin state-reports is invalid: "
                    + message);
        });
        return List.copyOf(tokens(value));
    }

    private static Optional<String> focusProblem(String value) {
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        CensusPopulation census = CensusPopulation.bundled();
        for (String code : tokens(value)) {
            if (!census.isStateOrDc(code)) {
                unknown.add(code);
            } else if (!seen.add(code)) {
                repeated.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            return Optional.of("Not the USPS code of a state or DC: " + String.join(", ", unknown)
                    + ". Use two letters such as IA or NH; territories are reported together.");
        }
        if (!repeated.isEmpty()) {
            return Optional.of("Listed twice: " + String.join(", ", repeated) + ".");
        }
        if (seen.size() > MAX_FOCUS_STATES) {
            return Optional.of("At most " + MAX_FOCUS_STATES + " focus states (" + seen.size() + " given).");
        }
        return Optional.empty();
    }

    private static List<String> tokens(String value) {
        List<String> tokens = new ArrayList<>();
        for (String token : value.split("[,;\\s]+")) {
            if (!token.isBlank()) {
                tokens.add(token.trim().toUpperCase(Locale.ROOT));
            }
        }
        return tokens;
    }

    private static boolean inRange(String value) {
        try {
            int number = Integer.parseInt(value.trim());
            return number >= 0 && number <= MAX_GROWTH_TOP_STATES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
