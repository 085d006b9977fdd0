package org.grassroots.crm.pluginhost;

import java.util.List;
import java.util.function.Supplier;

import org.grassroots.crm.plugin.api.settings.SettingField;

/**
 * The plugin a port instance or a lifecycle hook is for.
 *
 * @param pluginId      the plugin's id
 * @param classLoader   the plugin's class loader (for its resources, such as Flyway migrations)
 * @param settingFields the fields of the plugin's settings descriptor, read when needed (empty if it has none)
 */
public record PluginScope(String pluginId, ClassLoader classLoader, Supplier<List<SettingField>> settingFields) {
}
