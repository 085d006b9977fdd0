package org.grassroots.crm.pluginhost.internal;

/** Told when a plugin has started and when it stops, such as the scheduler of plugin tasks. */
public interface PluginRunListener {

    /** Why a plugin stopped. */
    enum StopCause {
        /** An admin disabled, restarted, upgraded or uninstalled it. */
        ADMIN,
        /** It failed; it stays stopped until an admin restarts it. */
        FAILED,
        /** The application is shutting down; shared state such as schedules stays as it is. */
        SHUTDOWN
    }

    void started(LivePlugin plugin);

    void stopped(String pluginId, StopCause cause);
}
