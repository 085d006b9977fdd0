package org.grassroots.crm.pluginhost.adapter;

import java.util.Map;
import java.util.Optional;

import org.grassroots.crm.plugin.api.storage.PluginStorage;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.grassroots.crm.pluginhost.internal.PluginStorageStore;
import org.springframework.stereotype.Component;

/** The {@link PluginStorage} port: a key-value store per plugin, each call committed on its own. */
@Component
class PluginStoragePort implements PluginPortSource<PluginStorage> {

    private final PluginStorageStore store;

    PluginStoragePort(PluginStorageStore store) {
        this.store = store;
    }

    @Override
    public Class<PluginStorage> portType() {
        return PluginStorage.class;
    }

    @Override
    public PluginStorage forPlugin(PluginScope scope) {
        return new ScopedStorage(scope.pluginId(), store);
    }

    private record ScopedStorage(String pluginId, PluginStorageStore store) implements PluginStorage {

        @Override
        public Optional<String> get(String key) {
            return store.get(pluginId, key);
        }

        @Override
        public void put(String key, String value) {
            store.put(pluginId, key, value);
        }

        @Override
        public boolean putIfAbsent(String key, String value) {
            return store.putIfAbsent(pluginId, key, value);
        }

        @Override
        public void remove(String key) {
            store.remove(pluginId, key);
        }

        @Override
        public Map<String, String> list(String prefix, int limit) {
            return store.list(pluginId, prefix, limit);
        }
    }
}
