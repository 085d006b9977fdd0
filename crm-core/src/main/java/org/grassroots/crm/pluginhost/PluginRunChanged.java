package org.grassroots.crm.pluginhost;

/**
 * Published (as a Spring application event, on the thread that started or stopped the plugin) after a plugin has
 * started and after it stopped, for features that keep something per started extension, such as the list sync's
 * schedules.
 *
 * @param pluginId the plugin
 * @param running  {@code true} after it started, {@code false} after it stopped
 * @param shutdown {@code true} when it stopped because the application is shutting down, so shared state such as
 *                 schedules must stay as it is
 */
public record PluginRunChanged(String pluginId, boolean running, boolean shutdown) {
}
