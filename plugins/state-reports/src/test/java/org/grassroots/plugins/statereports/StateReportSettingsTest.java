package org.grassroots.plugins.statereports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.plugin.api.testing.InMemoryPluginSettings;
import org.junit.jupiter.api.Test;

class StateReportSettingsTest {

    private final StateReportSettings descriptor = new StateReportSettings();

    @Test
    void defaultsToTheFourEarlyStatesAndSupportersPerResident() {
        ReportPreferences preferences = ReportPreferences.read(new InMemoryPluginSettings(descriptor.fields()));

        assertThat(preferences).isEqualTo(new ReportPreferences(List.of("IA", "NH", "NV", "SC"),
                MapMeasure.SUPPORTERS_PER_10K, GrowthMeasure.NEW_SUPPORTERS, 6));
        assertThat(descriptor.fields()).extracting(SettingField::key)
                .containsExactly("focusStates", "mapMeasure", "growthMeasure", "growthTopStates");
    }

    @Test
    void readsWhatTheAdminSaved() {
        InMemoryPluginSettings settings = new InMemoryPluginSettings(descriptor.fields())
                .set("focusStates", " mi;pa  WI ").set("mapMeasure", "Active volunteers")
                .set("growthMeasure", "Signatures").set("growthTopStates", "0");

        assertThat(ReportPreferences.read(settings)).isEqualTo(new ReportPreferences(
                List.of("MI", "PA", "WI"), MapMeasure.ACTIVE_VOLUNTEERS, GrowthMeasure.SIGNATURES, 0));
    }

    @Test
    void acceptsStateAndDcCodesInAnyCase() {
        assertThat(descriptor.validate(Map.of("focusStates", "ia, nh, DC", "growthTopStates", "15"))).isEmpty();
    }

    @Test
    void refusesCodesThatAreNotStates() {
        assertThat(descriptor.validate(Map.of("focusStates", "IA, Iowa, PR, XX"))).containsExactly(new SettingProblem(
                "focusStates", "Not the USPS code of a state or DC: IOWA, PR, XX. Use two letters such as IA or NH; "
                        + "territories are reported together."));
    }

    @Test
    void refusesRepeatsAndTooManyStates() {
        assertThat(descriptor.validate(Map.of("focusStates", "IA, NH, ia"))).containsExactly(
                new SettingProblem("focusStates", "Listed twice: IA."));
        assertThat(descriptor.validate(Map.of("focusStates", "IA NH NV SC CA TX NY FL PA OH MI")))
                .containsExactly(new SettingProblem("focusStates", "At most 10 focus states (11 given)."));
    }

    @Test
    void refusesAGrowthStateCountOutOfRange() {
        SettingProblem problem = new SettingProblem("growthTopStates", "Enter a whole number from 0 to 15.");

        assertThat(descriptor.validate(Map.of("growthTopStates", "16"))).containsExactly(problem);
        assertThat(descriptor.validate(Map.of("growthTopStates", "-1"))).containsExactly(problem);
        assertThat(descriptor.validate(Map.of("growthTopStates", "six"))).containsExactly(problem);
    }

    @Test
    void mapChoicesAreColumnsOfTheStateTableAndNeverMoney() {
        for (MapMeasure measure : MapMeasure.values()) {
            assertThat(StateColumns.ALL.get(StateColumns.indexOf(measure.column())).kind())
                    .isNotEqualTo(ColumnKind.MONEY);
        }
        assertThat(descriptor.fields().get(1).choices()).containsExactlyElementsOf(MapMeasure.labels());
    }
}
