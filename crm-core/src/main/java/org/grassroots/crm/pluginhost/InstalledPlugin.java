package org.grassroots.crm.pluginhost;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An installed plugin with its current state, everything the Plugins screen shows.
 *
 * @param id            the plugin id from its descriptor
 * @param description   the descriptor's description (may be empty)
 * @param version       the installed version
 * @param provider      who made it, from the descriptor, if it says
 * @param requires      the plugin API range it declares, for example {@code >=1.0.0 & <2.0.0}
 * @param status        running, stopped, disabled or failed
 * @param failureReason why it failed, in words for an admin; {@code null} unless {@link PluginStatus#FAILED}
 * @param extensions    the extensions it contributes while started (empty otherwise)
 * @param bundled       whether it came with the CRM rather than from an upload
 * @param installedBy   who installed the current version ({@code system} for bundled plugins)
 * @param installedAt   when the current version was installed
 * @param sha256        the SHA-256 of the installed file, hex
 */
public record InstalledPlugin(
        String id,
        String description,
        String version,
        @Nullable String provider,
        String requires,
        PluginStatus status,
        @Nullable String failureReason,
        List<InstalledExtension> extensions,
        boolean bundled,
        String installedBy,
        Instant installedAt,
        String sha256) {

    public InstalledPlugin {
        extensions = List.copyOf(extensions);
    }
}
