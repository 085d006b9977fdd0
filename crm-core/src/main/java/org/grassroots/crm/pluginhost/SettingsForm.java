package org.grassroots.crm.pluginhost;

import java.util.List;

/**
 * A plugin's settings form as the Plugins screen renders it: each field of the plugin's descriptor, in its order,
 * with what is saved for it.
 */
public record SettingsForm(String pluginId, List<SettingValue> fields) {

    public SettingsForm {
        fields = List.copyOf(fields);
    }
}
