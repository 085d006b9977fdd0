package org.grassroots.crm.pluginhost;

import org.jspecify.annotations.Nullable;

/**
 * What an upload did. The install itself succeeded; whether the plugin then started is in {@code status} (a plugin
 * whose {@code start()} throws is installed and shown as failed, with the reason).
 *
 * @param pluginId        the installed plugin
 * @param version         the version now installed
 * @param previousVersion the version it replaced, or {@code null} for a new install
 * @param status          its state after loading and starting
 * @param failureReason   why it failed, or {@code null}
 */
public record InstallResult(String pluginId, String version, @Nullable String previousVersion, PluginStatus status,
        @Nullable String failureReason) {

    /** Whether this replaced an older version of the same plugin. */
    public boolean upgraded() {
        return previousVersion != null;
    }
}
