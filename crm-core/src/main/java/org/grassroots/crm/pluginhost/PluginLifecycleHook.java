package org.grassroots.crm.pluginhost;

/**
 * Work the host does around a plugin's lifecycle, such as running its Flyway migrations before it starts. Hooks are
 * Spring beans, called in {@code @Order}.
 */
public interface PluginLifecycleHook {

    /**
     * Called before the plugin's {@code start()}. Throwing marks the plugin failed with the exception's message and
     * it is not started.
     */
    default void beforeStart(PluginScope scope) throws Exception {
    }

    /** Called after the plugin was uninstalled (not for an upgrade), to remove what the host kept for it. */
    default void afterUninstall(String pluginId) {
    }
}
