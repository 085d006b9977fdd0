package org.grassroots.crm.pluginhost;

/**
 * Published (as a Spring application event, inside the saving transaction) when an admin saved a plugin's settings;
 * listen after commit to act on the new values, as the list sync does for its schedules.
 *
 * @param pluginId the plugin whose settings changed
 */
public record PluginSettingsChanged(String pluginId) {
}
