package org.grassroots.crm.pluginhost;

/**
 * A started extension and the plugin it belongs to. Hand it to {@link PluginCalls} to call it; do not keep it
 * beyond the work at hand, because holding it keeps an unloaded plugin's classes in memory.
 *
 * @param pluginId    the plugin that contributes it
 * @param extensionId the extension's own id, unique within the plugin
 * @param displayName the extension's name for people
 * @param extension   the instance (call it only through {@link PluginCalls})
 * @param <E>         the extension point
 */
public record PluginExtension<E>(String pluginId, String extensionId, String displayName, E extension) {
}
