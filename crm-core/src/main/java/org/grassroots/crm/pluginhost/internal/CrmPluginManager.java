package org.grassroots.crm.pluginhost.internal;

import java.nio.file.Path;
import java.util.List;

import org.grassroots.crm.plugin.api.PluginApi;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.ExtensionWrapper;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginState;
import org.pf4j.PluginStateEvent;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;
import org.jspecify.annotations.Nullable;

/**
 * pf4j's manager for jar and zip plugins in deployment mode, with the CRM's pieces: the plugin API version as
 * system version (a plugin must declare a {@code Plugin-Requires} range it satisfies), our extension factory,
 * our class loader, enabled/disabled state in PostgreSQL, and a plugin factory that never hands out the manager.
 *
 * <p>Starting and stopping go through {@link PluginHost}, which runs the plugin's own code behind the fault barrier
 * and then records the outcome here with {@link #markStarted} and {@link #markStopped}; pf4j's own
 * {@code startPlugin}/{@code stopPlugin} are not used (in pf4j 3.15 {@code startPlugin} catches an exception or
 * {@code LinkageError} from {@code start()}, sets {@code FAILED} and the failed exception and only logs it, with no
 * time limit and without the plugin's class loader as context class loader). Like pf4j's, this class is not thread-safe: the host calls it
 * under its lock.
 */
final class CrmPluginManager extends DefaultPluginManager {

    private ExtensionFactory portInjectingFactory;
    private PluginStatusProvider databaseStatus;
    private boolean configured;

    CrmPluginManager(Path pluginsDir, ExtensionFactory extensionFactory, PluginStatusProvider statusProvider) {
        super(List.of(pluginsDir));
        // pf4j calls initialize() from its constructor, before these fields exist, so it is repeated once they do
        this.portInjectingFactory = extensionFactory;
        this.databaseStatus = statusProvider;
        this.configured = true;
        initialize();
        setSystemVersion(PluginApi.VERSION);
        setExactVersionAllowed(false);
    }

    @Override
    protected void initialize() {
        if (configured) {
            super.initialize();
        }
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        return portInjectingFactory;
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return databaseStatus;
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new CrmPluginFactory();
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader()
                .add(new JarPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor descriptor) {
                        return newClassLoader(descriptor);
                    }
                })
                .add(new DefaultPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor descriptor) {
                        return newClassLoader(descriptor);
                    }
                });
    }

    private PluginClassLoader newClassLoader(PluginDescriptor descriptor) {
        return new CrmPluginClassLoader(this, descriptor, CrmPluginManager.class.getClassLoader());
    }

    /** The extensions a started plugin declares in its index, in ordinal order, not yet instantiated. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<ExtensionWrapper<?>> extensionsOf(String pluginId) {
        return (List) extensionFinder.find(pluginId);
    }

    /** Records that the plugin's {@code start()} returned. */
    void markStarted(PluginWrapper plugin) {
        PluginState previous = plugin.getPluginState();
        plugin.setPluginState(PluginState.STARTED);
        plugin.setFailedException(null);
        if (!startedPlugins.contains(plugin)) {
            startedPlugins.add(plugin);
        }
        firePluginStateEvent(new PluginStateEvent(this, plugin, previous));
    }

    /** Records that the plugin is no longer running: {@code STOPPED}, or {@code FAILED} with the failure. */
    void markStopped(PluginWrapper plugin, PluginState state, @Nullable Throwable failure) {
        PluginState previous = plugin.getPluginState();
        plugin.setPluginState(state);
        if (failure != null) {
            plugin.setFailedException(failure);
        }
        startedPlugins.remove(plugin);
        firePluginStateEvent(new PluginStateEvent(this, plugin, previous));
    }
}
