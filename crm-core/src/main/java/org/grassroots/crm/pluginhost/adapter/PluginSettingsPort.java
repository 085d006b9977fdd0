package org.grassroots.crm.pluginhost.adapter;

import java.util.Optional;

import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.grassroots.crm.pluginhost.internal.PluginSettingsStore;
import org.springframework.stereotype.Component;

/**
 * The {@link PluginSettings} port: each plugin reads its own saved settings, at call time (so a save applies to the
 * next call without a restart), falling back to the field's default. Secrets come back decrypted.
 */
@Component
class PluginSettingsPort implements PluginPortSource<PluginSettings> {

    private final PluginSettingsStore store;

    PluginSettingsPort(PluginSettingsStore store) {
        this.store = store;
    }

    @Override
    public Class<PluginSettings> portType() {
        return PluginSettings.class;
    }

    @Override
    public PluginSettings forPlugin(PluginScope scope) {
        return new ScopedSettings(scope, store);
    }

    private record ScopedSettings(PluginScope scope, PluginSettingsStore store) implements PluginSettings {

        @Override
        public Optional<String> get(String key) {
            Optional<SettingField> field = field(key);
            String label = field.map(SettingField::label).orElse(key);
            Optional<String> saved = store.find(scope.pluginId(), key)
                    .map(stored -> store.reveal(scope.pluginId(), stored, label));
            if (saved.isPresent()) {
                return saved.filter(value -> !value.isBlank());
            }
            return field.map(SettingField::defaultValue).filter(value -> !value.isBlank());
        }

        @Override
        public String require(String key) {
            return get(key).orElseThrow(() -> new IllegalStateException("The setting \""
                    + field(key).map(SettingField::label).orElse(key) + "\" of plugin " + scope.pluginId()
                    + " has no value; an admin can fill it in on the plugin's settings form."));
        }

        private Optional<SettingField> field(String key) {
            return scope.settingFields().get().stream().filter(field -> field.key().equals(key)).findFirst();
        }
    }
}
