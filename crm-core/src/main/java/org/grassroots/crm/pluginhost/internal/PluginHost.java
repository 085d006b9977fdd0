package org.grassroots.crm.pluginhost.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.grassroots.crm.plugin.api.PluginApi;
import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingsDescriptor;
import org.grassroots.crm.pluginhost.PluginLifecycleHook;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.grassroots.crm.pluginhost.PluginStatus;
import org.grassroots.crm.pluginhost.internal.PluginRunListener.StopCause;
import org.jspecify.annotations.Nullable;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The running plugins: loads installed plugins into a {@link CrmPluginManager}, starts and stops them (their own
 * code behind the fault barrier, see {@link PluginStarter} and {@link PluginInvoker}) and remembers why one failed.
 * Changes happen under one lock; what runs is published in a {@link PluginRegistry} that calls read without it.
 */
@Component
public class PluginHost {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final PluginHostProperties properties;
    private final PluginInstallationRepository installations;
    private final ObjectProvider<PluginPortSource<?>> portSources;
    private final RunListeners listeners;
    private final PluginAuditTrail audit;
    private final PluginInvoker invoker = new PluginInvoker();
    private final PluginStarter starter;
    private final PluginRegistry registry = new PluginRegistry();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable CrmPluginManager manager;
    private @Nullable PortInjectingExtensionFactory factory;

    PluginHost(PluginHostProperties properties, PluginInstallationRepository installations,
            ObjectProvider<PluginPortSource<?>> portSources, ObjectProvider<PluginLifecycleHook> hooks,
            ObjectProvider<PluginRunListener> listeners, PluginAuditTrail audit) {
        this.properties = properties;
        this.installations = installations;
        this.portSources = portSources;
        this.listeners = new RunListeners(listeners);
        this.audit = audit;
        this.starter = new PluginStarter(invoker, hooks, properties.callTimeout());
    }

    /** Creates the plugin manager and loads every installed plugin, starting the enabled ones. */
    public void open() {
        locked(() -> {
            if (manager == null) {
                try {
                    Files.createDirectories(properties.dir());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot create the plugins folder " + properties.dir(), e);
                }
                factory = new PortInjectingExtensionFactory(portSources.orderedStream().toList(), this::scopeOfClass);
                manager = new CrmPluginManager(properties.dir(), factory,
                        new DatabasePluginStatusProvider(installations));
                installations.findAll().forEach(this::loadAndStart);
            }
        });
    }

    /** Stops every plugin (leaving shared state such as schedules alone), unloads them and drops the manager. */
    public void close() {
        locked(() -> {
            if (manager != null) {
                registry.live().forEach(plugin -> stop(plugin.pluginId(), StopCause.SHUTDOWN));
                manager.unloadPlugins();
                manager = null;
                factory = null;
                registry.clear();
            }
        });
    }

    public boolean isOpen() {
        return manager != null;
    }

    /** Runs {@code work} holding the host's lock, so no other change to plugins happens meanwhile. */
    public <T> T exclusively(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable work) {
        exclusively(() -> {
            work.run();
            return null;
        });
    }

    /** Loads an installed plugin from its file and starts it if it is enabled; problems mark it failed. */
    public void loadAndStart(PluginInstallation installation) {
        locked(() -> {
            String id = installation.pluginId();
            if (requireManager().getPlugin(id) != null) {
                unload(id);
            }
            registry.forgetFailure(id);
            String problem = PluginFiles.problemWith(installation, properties);
            PluginWrapper plugin = null;
            if (problem == null) {
                try {
                    requireManager().loadPlugin(properties.dir().resolve(installation.fileName()));
                    plugin = requireManager().getPlugin(id);
                    problem = plugin == null ? "its file " + installation.fileName() + " holds another plugin" : null;
                } catch (RuntimeException e) {
                    problem = "it could not be loaded: " + PluginFault.describe(e);
                }
            }
            if (problem == null && installation.enabled() && plugin.getPluginState() == PluginState.DISABLED) {
                problem = incompatible(plugin);
            }
            if (problem != null) {
                registry.failed(id, problem);
                log.error("Plugin {} failed: {}", id, problem);
                audit.failed(id, installation.version(), problem);
            } else if (installation.enabled()) {
                start(id);
            }
        });
    }

    /** Starts a loaded, enabled plugin: lifecycle hooks, its {@code start()}, then its extensions. */
    public void start(String pluginId) {
        locked(() -> {
            PluginWrapper plugin = requireManager().getPlugin(pluginId);
            if (plugin == null || plugin.getPluginState() == PluginState.STARTED
                    || plugin.getPluginState() == PluginState.DISABLED) {
                return;
            }
            registry.forgetFailure(pluginId);
            try {
                LivePlugin started = starter.start(requireManager(), plugin,
                        scope(pluginId, plugin.getPluginClassLoader()));
                registry.started(started);
                log.info("Plugin {} {} started with {} extension(s)", pluginId, started.version(),
                        started.extensions().size());
                listeners.started(started);
            } catch (PluginFault fault) {
                forgetInstances(pluginId);
                requireManager().markStopped(plugin, PluginState.FAILED, fault);
                registry.failed(pluginId, fault.getMessage());
                log.error("Plugin {} failed to start: {}", pluginId, fault.getMessage(), fault.getCause());
                audit.failed(pluginId, plugin.getDescriptor().getVersion(), fault.getMessage());
            }
        });
    }

    /** Stops a started plugin, calling its {@code stop()}; a failure there is logged, not raised. */
    public void stop(String pluginId, StopCause cause) {
        locked(() -> {
            registry.stopped(pluginId);
            listeners.stopped(pluginId, cause);
            PluginWrapper plugin = manager == null ? null : manager.getPlugin(pluginId);
            if (plugin != null && plugin.getPluginState() == PluginState.STARTED) {
                starter.stop(plugin);
                requireManager().markStopped(plugin, PluginState.STOPPED, null);
            }
            forgetInstances(pluginId);
        });
    }

    /** Stops the plugin and unloads it, closing its class loader; forgets any failure. */
    public void unload(String pluginId) {
        locked(() -> {
            stop(pluginId, StopCause.ADMIN);
            if (manager != null && manager.getPlugin(pluginId) != null) {
                manager.unloadPlugin(pluginId);
            }
            registry.forgetFailure(pluginId);
        });
    }

    /** Marks a plugin enabled in the database and pf4j and starts it (loading it first if it was not loaded). */
    public void enable(String pluginId) {
        locked(() -> {
            installations.setEnabled(pluginId, true);
            PluginWrapper plugin = requireManager().getPlugin(pluginId);
            if (plugin == null) {
                installations.find(pluginId).ifPresent(this::loadAndStart);
            } else if (requireManager().enablePlugin(pluginId)) {
                start(pluginId);
            } else {
                registry.failed(pluginId, incompatible(plugin));
                audit.failed(pluginId, plugin.getDescriptor().getVersion(), incompatible(plugin));
            }
        });
    }

    /** Stops a plugin and marks it disabled in pf4j and the database. */
    public void disable(String pluginId) {
        locked(() -> {
            stop(pluginId, StopCause.ADMIN);
            registry.forgetFailure(pluginId);
            if (manager != null && manager.getPlugin(pluginId) != null) {
                manager.disablePlugin(pluginId);
            } else {
                installations.setEnabled(pluginId, false);
            }
        });
    }

    /** Unloads the plugin and loads it again from its file, as after a restart of the application. */
    public void reload(String pluginId) {
        locked(() -> {
            unload(pluginId);
            installations.find(pluginId).ifPresent(this::loadAndStart);
        });
    }

    /**
     * Marks a plugin that is running right now as failed: it is taken out of use at once, its {@code stop()} is
     * called in the background (it may hang too), and the failure is audited. Does nothing if it is not running.
     */
    public void fail(String pluginId, String reason, @Nullable Throwable cause) {
        PluginWrapper plugin = exclusively(() -> {
            if (registry.stopped(pluginId) == null || manager == null) {
                return null;
            }
            registry.failed(pluginId, reason);
            PluginWrapper wrapper = manager.getPlugin(pluginId);
            manager.markStopped(wrapper, PluginState.FAILED, new PluginFault(reason, cause));
            forgetInstances(pluginId);
            listeners.stopped(pluginId, StopCause.FAILED);
            return wrapper;
        });
        if (plugin != null) {
            log.error("Plugin {} failed: {}", pluginId, reason, cause);
            audit.failed(pluginId, plugin.getDescriptor().getVersion(), reason);
            Thread.ofVirtual().name("plugin-stop-" + pluginId).start(() -> starter.stop(plugin));
        }
    }

    public PluginStatus status(PluginInstallation installation) {
        return registry.status(installation);
    }

    public Optional<LivePlugin> live(String pluginId) {
        return registry.live(pluginId);
    }

    public Collection<LivePlugin> live() {
        return registry.live();
    }

    /** Why the plugin failed, if it did and has not been restarted since. */
    public Optional<String> failure(String pluginId) {
        return registry.failure(pluginId);
    }

    /** Runs plugin code of a started plugin with its class loader as context loader; see {@link PluginInvoker}. */
    public <R> R invoke(LivePlugin plugin, @Nullable Duration timeBox, Callable<R> work) {
        return invoker.invoke(plugin.pluginId(), plugin.classLoader(), timeBox, work);
    }

    /** The default time box of a call into a plugin ({@code crm.plugins.call-timeout}). */
    public Duration timeBox() {
        return properties.callTimeout();
    }

    public PluginHostProperties properties() {
        return properties;
    }

    /** The scope handed to port sources and lifecycle hooks for a plugin. */
    public PluginScope scope(String pluginId, ClassLoader loader) {
        return new PluginScope(pluginId, loader, () -> settingFields(pluginId));
    }

    /** The fields of the plugin's settings descriptor, read through the barrier; empty while it is not running. */
    private List<SettingField> settingFields(String pluginId) {
        LivePlugin plugin = registry.live(pluginId).orElse(null);
        if (plugin == null) {
            return List.of();
        }
        for (LivePlugin.LiveExtension extension : plugin.extensions()) {
            if (extension.instance() instanceof SettingsDescriptor descriptor) {
                try {
                    return invoke(plugin, timeBox(), descriptor::fields);
                } catch (PluginInvocationFailure e) {
                    fail(pluginId, e.reason("extension '" + extension.id() + "'") + " (fields)", e.thrown());
                    return List.of();
                }
            }
        }
        return List.of();
    }

    private static String incompatible(PluginWrapper plugin) {
        return "it requires plugin API '" + plugin.getDescriptor().getRequires() + "', but this CRM offers "
                + PluginApi.VERSION;
    }

    private void forgetInstances(String pluginId) {
        if (factory != null) {
            factory.forget(pluginId);
        }
    }

    private PluginScope scopeOfClass(Class<?> type) {
        PluginWrapper plugin = requireManager().whichPlugin(type);
        if (plugin == null) {
            throw new PluginFault(type.getName() + " does not belong to a loaded plugin");
        }
        return scope(plugin.getPluginId(), plugin.getPluginClassLoader());
    }

    private CrmPluginManager requireManager() {
        if (manager == null) {
            throw new IllegalStateException("The plugin host is not open");
        }
        return manager;
    }
}
