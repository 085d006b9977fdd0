package org.grassroots.crm.pluginhost.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A row of {@code plugin_installation}: an installed plugin, its file and whether it should run. */
public record PluginInstallation(String pluginId, String version, String fileName, String sha256, boolean enabled,
        boolean bundled, String description, @Nullable String provider, String requires, String installedBy,
        Instant installedAt, Instant updatedAt) {
}
