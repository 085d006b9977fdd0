package org.grassroots.crm.plugin.api.settings;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field of a plugin's settings form. The host renders the form, checks {@link #required()}, the
 * {@link #type()} and {@link #choices()}, then asks {@link SettingsDescriptor#validate} for anything further.
 *
 * @param key          the key the value is stored and read under; letters, digits, dots, dashes and underscores,
 *                     unique within the plugin, for example {@code mailchimp.apiKey}
 * @param label        the field's label in the form
 * @param type         how the value is rendered, validated and stored
 * @param required     whether the form refuses an empty value
 * @param defaultValue the value used while none is saved, or {@code null}; never set one for a {@link SettingType#SECRET}
 * @param help         one sentence under the field, or {@code null}
 * @param choices      the allowed values of a {@link SettingType#CHOICE}; empty for the other types
 */
public record SettingField(String key, String label, SettingType type, boolean required,
        @Nullable String defaultValue, @Nullable String help, List<String> choices) {

    public SettingField {
        if (key.isBlank() || !key.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("Setting key '" + key + "' must be letters, digits, '.', '-' or '_'");
        }
        if (type == SettingType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("Setting '" + key + "' is a CHOICE without choices");
        }
        if (type == SettingType.SECRET && defaultValue != null) {
            throw new IllegalArgumentException("Secret setting '" + key + "' must not have a default value");
        }
        choices = List.copyOf(choices);
    }

    /** A field of the given type with no default, help or choices. */
    public static SettingField of(String key, String label, SettingType type, boolean required) {
        return new SettingField(key, label, type, required, null, null, List.of());
    }

    /** This field with a help sentence. */
    public SettingField withHelp(String text) {
        return new SettingField(key, label, type, required, defaultValue, text, choices);
    }

    /** This field with a default value. */
    public SettingField withDefault(String value) {
        return new SettingField(key, label, type, required, value, help, choices);
    }
}
