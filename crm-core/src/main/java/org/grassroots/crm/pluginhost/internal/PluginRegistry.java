package org.grassroots.crm.pluginhost.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.crm.pluginhost.PluginStatus;
import org.jspecify.annotations.Nullable;

/**
 * What runs right now and why a plugin failed. The host changes it under its lock; calls and screens read it
 * without, so a slow plugin operation never holds up a call into another plugin.
 */
final class PluginRegistry {

    private final Map<String, LivePlugin> live = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    void started(LivePlugin plugin) {
        failures.remove(plugin.pluginId());
        live.put(plugin.pluginId(), plugin);
    }

    /** Takes the plugin out of use; returns what was running, if it was. */
    @Nullable LivePlugin stopped(String pluginId) {
        return live.remove(pluginId);
    }

    void failed(String pluginId, String reason) {
        live.remove(pluginId);
        failures.put(pluginId, reason);
    }

    void forgetFailure(String pluginId) {
        failures.remove(pluginId);
    }

    void clear() {
        live.clear();
        failures.clear();
    }

    Optional<LivePlugin> live(String pluginId) {
        return Optional.ofNullable(live.get(pluginId));
    }

    Collection<LivePlugin> live() {
        return List.copyOf(live.values());
    }

    Optional<String> failure(String pluginId) {
        return Optional.ofNullable(failures.get(pluginId));
    }

    /** Disabled by its row, else failed, running or stopped here. */
    PluginStatus status(PluginInstallation installation) {
        String id = installation.pluginId();
        if (!installation.enabled()) {
            return PluginStatus.DISABLED;
        }
        if (failures.containsKey(id)) {
            return PluginStatus.FAILED;
        }
        return live.containsKey(id) ? PluginStatus.STARTED : PluginStatus.STOPPED;
    }
}
