package org.grassroots.crm.pluginhost;

import java.time.Instant;

import org.grassroots.crm.plugin.api.settings.SettingField;
import org.jspecify.annotations.Nullable;

/**
 * One field of a {@link SettingsForm}.
 *
 * @param field     the field as the plugin declares it
 * @param value     what the field shows: the saved value, else the field's default; always {@code null} for a
 *                  secret (and for any value stored encrypted), which is never shown again after saving
 * @param hasValue  whether a value is saved; for a secret, whether one is stored (the form shows "saved" and a
 *                  "clear" action instead of the value)
 * @param problem   what is wrong with the saved value, for example a secret the current key cannot decrypt;
 *                  {@code null} when nothing is
 * @param updatedBy who saved the value, or {@code null} when none is saved
 * @param updatedAt when the value was saved, or {@code null} when none is saved
 */
public record SettingValue(SettingField field, @Nullable String value, boolean hasValue, @Nullable String problem,
        @Nullable String updatedBy, @Nullable Instant updatedAt) {
}
