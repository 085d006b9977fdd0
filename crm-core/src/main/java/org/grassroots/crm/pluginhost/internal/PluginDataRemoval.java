package org.grassroots.crm.pluginhost.internal;

import org.grassroots.crm.pluginhost.PluginLifecycleHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets what the host kept for an uninstalled plugin: its settings (secrets included) and its storage.
 *
 * <p>The plugin's own tables ({@code plugin_<id>_…}) and its Flyway history table stay. Dropping tables is not
 * undoable, and an uninstall is often a step in replacing a broken plugin version, after which the data is wanted
 * again; keeping the history table lets a reinstalled plugin carry on from the migrations it already applied. An
 * admin who wants the data gone drops those tables by hand (docs/plugins/ports/PluginStorage.md says how).
 */
@Component
public class PluginDataRemoval implements PluginLifecycleHook {

    private static final Logger log = LoggerFactory.getLogger(PluginDataRemoval.class);

    private final PluginSettingsStore settings;
    private final PluginStorageStore storage;

    PluginDataRemoval(PluginSettingsStore settings, PluginStorageStore storage) {
        this.settings = settings;
        this.storage = storage;
    }

    @Override
    @Transactional
    public void afterUninstall(String pluginId) {
        int removedSettings = settings.deleteAll(pluginId);
        int removedEntries = storage.deleteAll(pluginId);
        log.info("Plugin {} uninstalled: removed {} setting(s) and {} storage entr(ies); its own tables, if any, "
                + "were kept", pluginId, removedSettings, removedEntries);
    }
}
