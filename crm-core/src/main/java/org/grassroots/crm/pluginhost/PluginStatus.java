package org.grassroots.crm.pluginhost;

/** Where an installed plugin stands right now, as the Plugins screen shows it. */
public enum PluginStatus {
    /** Loaded and started: its extensions are in use. */
    STARTED("Running"),
    /** Installed and enabled, but not running (for example while plugins are switched off). */
    STOPPED("Stopped"),
    /** Switched off by an admin; stays off across restarts until enabled again. */
    DISABLED("Disabled"),
    /** Could not be loaded or started, or a call into it threw or hung; see the failure reason. */
    FAILED("Failed");

    private final String label;

    PluginStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
