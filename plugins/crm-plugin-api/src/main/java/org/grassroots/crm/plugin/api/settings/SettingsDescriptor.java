package org.grassroots.crm.plugin.api.settings;

import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.CrmExtension;

/**
 * Declares a plugin's settings form. The host renders it on the Plugins screen for admins, validates and stores
 * the values in PostgreSQL (secrets encrypted with AES-GCM), audits each change without the secret values, and
 * hands the values to the plugin through the {@link PluginSettings} port.
 *
 * <p>A plugin has at most one settings descriptor; its {@link #id()} is conventionally {@code settings}.
 */
public interface SettingsDescriptor extends CrmExtension {

    /** The fields of the form, in display order. */
    List<SettingField> fields();

    /**
     * Checks the values beyond what the host already checks (required, type, choices). Called before saving.
     *
     * @param values every field's value after the change, keyed by {@link SettingField#key()}; a secret that was not
     *               re-entered keeps its stored value, so it is present here too. Empty values are absent.
     * @return the problems found; empty if the values may be saved
     */
    default List<SettingProblem> validate(Map<String, String> values) {
        return List.of();
    }
}
