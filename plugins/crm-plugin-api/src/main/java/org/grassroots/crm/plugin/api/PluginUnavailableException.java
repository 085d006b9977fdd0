package org.grassroots.crm.plugin.api;

/**
 * Thrown by the host to a caller when a plugin cannot be called: it is disabled, stopped, failed, or a call into it
 * threw or timed out. The message says which plugin and why, in words fit for an admin.
 */
public class PluginUnavailableException extends RuntimeException {

    private final String pluginId;

    /**
     * @param pluginId the plugin that could not be called
     * @param message  why, fit for an admin to read
     * @param cause    the underlying failure, or {@code null}
     */
    public PluginUnavailableException(String pluginId, String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
        this.pluginId = pluginId;
    }

    /** The id of the plugin that could not be called. */
    public String pluginId() {
        return pluginId;
    }
}
