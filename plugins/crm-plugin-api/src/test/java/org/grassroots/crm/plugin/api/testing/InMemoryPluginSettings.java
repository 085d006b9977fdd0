package org.grassroots.crm.plugin.api.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.grassroots.crm.plugin.api.settings.SettingField;

/**
 * {@link PluginSettings} holding values a test sets, read like the CRM reads them: a saved value, else the field's
 * {@linkplain SettingField#defaultValue() default}, else empty; blank counts as no value; {@link #require} names the
 * field's label. Values are not checked against their field's type: the CRM does that when an admin saves the form,
 * so set values a valid form would hold.
 */
public class InMemoryPluginSettings implements PluginSettings {

    private final String pluginId;
    private final List<SettingField> fields;
    private final Map<String, String> values = new HashMap<>();

    /** Settings without a descriptor: no defaults, and {@link #require} names the key. */
    public InMemoryPluginSettings() {
        this(List.of());
    }

    /** Settings for the fields of the plugin's settings descriptor, for defaults and labels. */
    public InMemoryPluginSettings(List<SettingField> fields) {
        this("test-plugin", fields);
    }

    /** Settings of the given plugin id (it appears in {@link #require}'s message). */
    public InMemoryPluginSettings(String pluginId, List<SettingField> fields) {
        this.pluginId = pluginId;
        this.fields = List.copyOf(fields);
    }

    /** Saves a value, as an admin would on the settings form; a blank value clears it. */
    public InMemoryPluginSettings set(String key, String value) {
        if (value.isBlank()) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        return this;
    }

    /** Clears a value, so the field's default applies again. */
    public InMemoryPluginSettings clear(String key) {
        values.remove(key);
        return this;
    }

    @Override
    public Optional<String> get(String key) {
        String saved = values.get(key);
        if (saved != null) {
            return Optional.of(saved);
        }
        return field(key).map(SettingField::defaultValue).filter(value -> !value.isBlank());
    }

    @Override
    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException("The setting \""
                + field(key).map(SettingField::label).orElse(key) + "\" of plugin " + pluginId
                + " has no value; an admin can fill it in on the plugin's settings form."));
    }

    private Optional<SettingField> field(String key) {
        return fields.stream().filter(field -> field.key().equals(key)).findFirst();
    }
}
