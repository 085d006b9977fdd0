package org.grassroots.crm.plugin.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingType;
import org.junit.jupiter.api.Test;

class InMemoryPluginSettingsTest {

    private final InMemoryPluginSettings settings = new InMemoryPluginSettings("mailchimp", List.of(
            SettingField.of("apiKey", "API key", SettingType.SECRET, true),
            SettingField.of("batch", "Batch size", SettingType.INTEGER, false).withDefault("500"),
            SettingField.of("dryRun", "Dry run", SettingType.BOOLEAN, false).withDefault("true")));

    @Test
    void savedValuesWinOverDefaultsAndClearingBringsTheDefaultBack() {
        assertThat(settings.getInt("batch", 1)).isEqualTo(500);
        assertThat(settings.getBoolean("dryRun", false)).isTrue();
        assertThat(settings.get("undeclared")).isEmpty();

        settings.set("batch", "250").set("dryRun", "false");
        assertThat(settings.getInt("batch", 1)).isEqualTo(250);
        assertThat(settings.getBoolean("dryRun", true)).isFalse();

        settings.clear("batch").set("dryRun", "  ");
        assertThat(settings.getInt("batch", 1)).isEqualTo(500);
        assertThat(settings.getBoolean("dryRun", false)).isTrue();
    }

    @Test
    void requireNamesTheLabelOfAMissingSetting() {
        assertThatThrownBy(() -> settings.require("apiKey")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"API key\"").hasMessageContaining("mailchimp");
        assertThatThrownBy(() -> new InMemoryPluginSettings().require("listId"))
                .hasMessageContaining("\"listId\"");

        assertThat(settings.set("apiKey", "k-123").require("apiKey")).isEqualTo("k-123");
    }
}
