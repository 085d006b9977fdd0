package org.grassroots.crm.pluginhost.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
import org.pf4j.Plugin;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The running plugins: loads installed plugins into a {@link CrmPluginManager}, starts and stops them with their
 * own code behind the fault barrier ({@link PluginInvoker}), and remembers why a plugin failed. Changes happen under
 * one lock; the started plugins and their extensions are published in a concurrent map that calls read without it.
 */
@Component
public class PluginHost {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final PluginHostProperties properties;
    private final PluginInstallationRepository installations;
    private final ObjectProvider<PluginPortSource<?>> portSources;
    private final ObjectProvider<PluginLifecycleHook> hooks;
    private final ObjectProvider<PluginRunListener> listeners;
    private final PluginAuditTrail audit;
    private final PluginInvoker invoker = new PluginInvoker();
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, LivePlugin> live = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private @Nullable CrmPluginManager manager;
    private @Nullable PortInjectingExtensionFactory factory;

    PluginHost(PluginHostProperties properties, PluginInstallationRepository installations,
            ObjectProvider<PluginPortSource<?>> portSources, ObjectProvider<PluginLifecycleHook> hooks,
            ObjectProvider<PluginRunListener> listeners, PluginAuditTrail audit) {
        this.properties = properties;
        this.installations = installations;
        this.portSources = portSources;
        this.hooks = hooks;
        this.listeners = listeners;
        this.audit = audit;
    }

    /** Creates the plugin manager and loads every installed plugin, starting the enabled ones. */
    public void open() {
        exclusively(() -> {
            if (manager != null) {
                return null;
            }
            try {
                Files.createDirectories(properties.dir());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the plugins folder " + properties.dir(), e);
            }
            factory = new PortInjectingExtensionFactory(portSources.orderedStream().toList(), this::scopeOfClass);
            manager = new CrmPluginManager(properties.dir(), factory, new DatabasePluginStatusProvider(installations));
            installations.findAll().forEach(this::loadAndStart);
            return null;
        });
    }

    /** Stops every plugin (leaving shared state such as schedules alone), unloads them and drops the manager. */
    public void close() {
        exclusively(() -> {
            if (manager != null) {
                List.copyOf(live.keySet()).forEach(id -> stop(id, StopCause.SHUTDOWN));
                manager.unloadPlugins();
                manager = null;
                factory = null;
                failures.clear();
            }
            return null;
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

    /** Loads an installed plugin from its file and starts it if it is enabled; problems mark it failed. */
    public void loadAndStart(PluginInstallation installation) {
        exclusively(() -> {
            String id = installation.pluginId();
            failures.remove(id);
            if (requireManager().getPlugin(id) != null) {
                unload(id);
            }
            String problem = checkFile(installation);
            if (problem == null) {
                try {
                    requireManager().loadPlugin(properties.dir().resolve(installation.fileName()));
                } catch (RuntimeException e) {
                    problem = "it could not be loaded: " + PluginFault.describe(e);
                }
            }
            PluginWrapper plugin = problem == null ? requireManager().getPlugin(id) : null;
            if (problem == null && plugin == null) {
                problem = "its file " + installation.fileName() + " holds another plugin id";
            }
            if (problem == null && installation.enabled() && plugin.getPluginState() == PluginState.DISABLED) {
                problem = "it requires plugin API '" + plugin.getDescriptor().getRequires() + "', but this CRM offers "
                        + PluginApi.VERSION;
            }
            if (problem != null) {
                failures.put(id, problem);
                audit.failed(id, installation.version(), problem);
                log.error("Plugin {} failed: {}", id, problem);
            } else if (installation.enabled()) {
                start(id);
            }
            return null;
        });
    }

    /** Starts a loaded, enabled plugin: lifecycle hooks, its {@code start()}, then its extensions. */
    public void start(String pluginId) {
        exclusively(() -> {
            PluginWrapper plugin = requireManager().getPlugin(pluginId);
            if (plugin == null || plugin.getPluginState() == PluginState.STARTED
                    || plugin.getPluginState() == PluginState.DISABLED) {
                return null;
            }
            failures.remove(pluginId);
            ClassLoader loader = plugin.getPluginClassLoader();
            try {
                for (PluginLifecycleHook hook : hooks.orderedStream().toList()) {
                    hook.beforeStart(scope(pluginId, loader));
                }
            } catch (Exception e) {
                failStart(plugin, "preparing it failed: " + PluginFault.describe(e), e);
                return null;
            }
            try {
                Plugin instance = invoker.invoke(pluginId, loader, timeBox(), plugin::getPlugin);
                invoker.invoke(pluginId, loader, timeBox(), () -> {
                    instance.start();
                    return null;
                });
            } catch (RuntimeException e) {
                failStart(plugin, reason("start()", e), rootOf(e));
                return null;
            }
            requireManager().markStarted(plugin);
            List<LivePlugin.LiveExtension> extensions;
            try {
                extensions = invoker.invoke(pluginId, loader, timeBox(),
                        () -> ExtensionCatalog.create(requireManager(), pluginId, loader));
            } catch (RuntimeException e) {
                stopQuietly(plugin);
                failStart(plugin, reason("loading its extensions", e), rootOf(e));
                return null;
            }
            LivePlugin started = new LivePlugin(pluginId, plugin.getDescriptor().getVersion(), loader, extensions);
            live.put(pluginId, started);
            log.info("Plugin {} {} started with {} extension(s)", pluginId, started.version(), extensions.size());
            listeners.orderedStream().forEach(listener -> notifyStarted(listener, started));
            return null;
        });
    }

    /** Stops a started plugin, calling its {@code stop()}; a failure there is logged, not raised. */
    public void stop(String pluginId, StopCause cause) {
        exclusively(() -> {
            live.remove(pluginId);
            listeners.orderedStream().forEach(listener -> notifyStopped(listener, pluginId, cause));
            PluginWrapper plugin = manager == null ? null : manager.getPlugin(pluginId);
            if (plugin != null && plugin.getPluginState() == PluginState.STARTED) {
                stopQuietly(plugin);
                requireManager().markStopped(plugin, PluginState.STOPPED, null);
            }
            if (factory != null) {
                factory.forget(pluginId);
            }
            return null;
        });
    }

    /** Stops the plugin and unloads it, closing its class loader; forgets any failure. */
    public void unload(String pluginId) {
        exclusively(() -> {
            stop(pluginId, StopCause.ADMIN);
            if (manager != null && manager.getPlugin(pluginId) != null) {
                manager.unloadPlugin(pluginId);
            }
            failures.remove(pluginId);
            return null;
        });
    }

    /** Marks a loaded plugin disabled in pf4j and the database, stopping it first. */
    public void disable(String pluginId) {
        exclusively(() -> {
            stop(pluginId, StopCause.ADMIN);
            failures.remove(pluginId);
            if (manager != null && manager.getPlugin(pluginId) != null) {
                manager.disablePlugin(pluginId);
            } else {
                installations.setEnabled(pluginId, false);
            }
            return null;
        });
    }

    /** Marks a plugin enabled in the database and pf4j and starts it (loading it first if it was not loaded). */
    public void enable(String pluginId) {
        exclusively(() -> {
            installations.setEnabled(pluginId, true);
            PluginWrapper plugin = requireManager().getPlugin(pluginId);
            if (plugin == null) {
                installations.find(pluginId).ifPresent(this::loadAndStart);
            } else if (requireManager().enablePlugin(pluginId)) {
                start(pluginId);
            } else {
                String problem = "it requires plugin API '" + plugin.getDescriptor().getRequires()
                        + "', but this CRM offers " + PluginApi.VERSION;
                failures.put(pluginId, problem);
                audit.failed(pluginId, plugin.getDescriptor().getVersion(), problem);
            }
            return null;
        });
    }

    /** Unloads the plugin and loads it again from its file, as after a restart of the application. */
    public void reload(String pluginId) {
        exclusively(() -> {
            unload(pluginId);
            installations.find(pluginId).ifPresent(this::loadAndStart);
            return null;
        });
    }

    /**
     * Marks a plugin that is running right now as failed: it is taken out of use at once, its {@code stop()} is
     * called in the background, and the failure is audited. Does nothing if it is not running (any more).
     */
    public void fail(String pluginId, String reason, @Nullable Throwable cause) {
        PluginWrapper plugin = exclusively(() -> {
            if (live.remove(pluginId) == null || manager == null) {
                return null;
            }
            failures.put(pluginId, reason);
            PluginWrapper wrapper = manager.getPlugin(pluginId);
            manager.markStopped(wrapper, PluginState.FAILED, new PluginFault(reason, cause));
            if (factory != null) {
                factory.forget(pluginId);
            }
            listeners.orderedStream().forEach(listener -> notifyStopped(listener, pluginId, StopCause.FAILED));
            return wrapper;
        });
        if (plugin != null) {
            log.error("Plugin {} failed: {}", pluginId, reason, cause);
            audit.failed(pluginId, plugin.getDescriptor().getVersion(), reason);
            Thread.ofVirtual().name("plugin-stop-" + pluginId).start(() -> stopQuietly(plugin));
        }
    }

    /** Where an installed plugin stands: disabled by its row, else failed, running or stopped here. */
    public PluginStatus status(PluginInstallation installation) {
        String id = installation.pluginId();
        if (!installation.enabled()) {
            return PluginStatus.DISABLED;
        }
        if (failures.containsKey(id)) {
            return PluginStatus.FAILED;
        }
        return live.containsKey(id) ? PluginStatus.STARTED : PluginStatus.STOPPED;
    }

    public Optional<LivePlugin> live(String pluginId) {
        return Optional.ofNullable(live.get(pluginId));
    }

    public Collection<LivePlugin> live() {
        return List.copyOf(live.values());
    }

    /** Why the plugin failed, if it did and has not been restarted since. */
    public Optional<String> failure(String pluginId) {
        return Optional.ofNullable(failures.get(pluginId));
    }

    /** Runs plugin code for a started plugin with its class loader as context loader; see {@link PluginInvoker}. */
    public <R> R invoke(LivePlugin plugin, @Nullable Duration timeBox, java.util.concurrent.Callable<R> work) {
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

    /** A failure reason for plugin code that threw or timed out while doing {@code what}. */
    static String reason(String what, RuntimeException failure) {
        if (failure instanceof PluginInvocationFailure invocation) {
            return invocation.reason(what);
        }
        return failure instanceof PluginFault ? failure.getMessage() : what + " threw " + PluginFault.describe(failure);
    }

    private List<SettingField> settingFields(String pluginId) {
        LivePlugin plugin = live.get(pluginId);
        if (plugin == null) {
            return List.of();
        }
        for (LivePlugin.LiveExtension extension : plugin.extensions()) {
            if (extension.instance() instanceof SettingsDescriptor descriptor) {
                try {
                    return invoke(plugin, timeBox(), descriptor::fields);
                } catch (RuntimeException e) {
                    fail(pluginId, reason("extension '" + extension.id() + "' (fields)", e), e.getCause());
                    return List.of();
                }
            }
        }
        return List.of();
    }

    private static Throwable rootOf(RuntimeException failure) {
        return failure instanceof PluginInvocationFailure && failure.getCause() != null ? failure.getCause() : failure;
    }

    private void failStart(PluginWrapper plugin, String reason, Throwable cause) {
        String id = plugin.getPluginId();
        live.remove(id);
        if (factory != null) {
            factory.forget(id);
        }
        requireManager().markStopped(plugin, PluginState.FAILED, new PluginFault(reason, cause));
        failures.put(id, reason);
        log.error("Plugin {} failed to start: {}", id, reason, cause);
        audit.failed(id, plugin.getDescriptor().getVersion(), reason);
    }

    private void stopQuietly(PluginWrapper plugin) {
        try {
            Plugin instance = plugin.getPlugin();
            if (instance != null) {
                invoker.invoke(plugin.getPluginId(), plugin.getPluginClassLoader(), timeBox(), () -> {
                    instance.stop();
                    return null;
                });
            }
        } catch (RuntimeException e) {
            log.warn("Plugin {}: {}", plugin.getPluginId(), reason("stop()", e));
        }
    }

    private @Nullable String checkFile(PluginInstallation installation) {
        Path file = properties.dir().resolve(installation.fileName());
        if (!Files.isRegularFile(file)) {
            return "its file " + installation.fileName() + " is missing from the plugins folder " + properties.dir();
        }
        String sha256 = PluginFiles.sha256(file);
        if (!sha256.equals(installation.sha256())) {
            return "its file " + installation.fileName() + " changed after it was installed (SHA-256 " + sha256 + ")";
        }
        if (!properties.allowedSha256().isEmpty() && !properties.allowedSha256().contains(sha256)) {
            return "its SHA-256 " + sha256 + " is not on the allow-list (crm.plugins.allowed-sha256)";
        }
        return null;
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

    private static void notifyStarted(PluginRunListener listener, LivePlugin plugin) {
        try {
            listener.started(plugin);
        } catch (RuntimeException e) {
            log.error("{} failed after plugin {} started", listener.getClass().getSimpleName(), plugin.pluginId(), e);
        }
    }

    private static void notifyStopped(PluginRunListener listener, String pluginId, StopCause cause) {
        try {
            listener.stopped(pluginId, cause);
        } catch (RuntimeException e) {
            log.error("{} failed after plugin {} stopped", listener.getClass().getSimpleName(), pluginId, e);
        }
    }
}
