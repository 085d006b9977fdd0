package org.grassroots.crm.plugin.api.settings;

import java.util.Optional;

/**
 * Port: the plugin's saved settings, as the admin entered them on the Plugins screen. Secrets come back
 * decrypted; do not log them. Values are read at call time, so a change applies to the next call without a restart.
 */
public interface PluginSettings {

    /** The saved value of {@code key}, else the field's default value, else empty. */
    Optional<String> get(String key);

    /**
     * The value of a setting the plugin cannot work without.
     *
     * @throws IllegalStateException naming the setting's label when it has no value, so the admin knows what to fill in
     */
    String require(String key);

    /** The value of an {@link SettingType#INTEGER} setting, or {@code fallback} when it has none. */
    default int getInt(String key, int fallback) {
        return get(key).map(Integer::parseInt).orElse(fallback);
    }

    /** The value of a {@link SettingType#BOOLEAN} setting, or {@code fallback} when it has none. */
    default boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }
}
