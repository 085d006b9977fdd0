package org.grassroots.crm.plugin.api.settings;

/**
 * A reason the settings form cannot be saved, shown beside the field it names.
 *
 * @param key     the {@link SettingField#key()} of the field at fault
 * @param message what is wrong, in words for the admin, for example "The list id is 10 hexadecimal characters"
 */
public record SettingProblem(String key, String message) {
}
