package org.grassroots.crm.pluginhost.internal;

import org.pf4j.PluginStatusProvider;

/** pf4j's enabled/disabled switch, kept in {@code plugin_installation.enabled} instead of a text file. */
final class DatabasePluginStatusProvider implements PluginStatusProvider {

    private final PluginInstallationRepository installations;

    DatabasePluginStatusProvider(PluginInstallationRepository installations) {
        this.installations = installations;
    }

    @Override
    public boolean isPluginDisabled(String pluginId) {
        return installations.find(pluginId).map(installation -> !installation.enabled()).orElse(false);
    }

    @Override
    public void disablePlugin(String pluginId) {
        installations.setEnabled(pluginId, false);
    }

    @Override
    public void enablePlugin(String pluginId) {
        installations.setEnabled(pluginId, true);
    }
}
