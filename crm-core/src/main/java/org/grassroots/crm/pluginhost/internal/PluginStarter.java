package org.grassroots.crm.pluginhost.internal;

import java.time.Duration;
import java.util.List;

import org.grassroots.crm.pluginhost.PluginLifecycleHook;
import org.grassroots.crm.pluginhost.PluginScope;
import org.pf4j.Plugin;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The steps of starting and stopping one plugin, with its own code behind the barrier: lifecycle hooks, the plugin
 * instance and its {@code start()}, then its extensions; and its {@code stop()}, best effort.
 */
final class PluginStarter {

    private static final Logger log = LoggerFactory.getLogger(PluginStarter.class);

    private final PluginInvoker invoker;
    private final ObjectProvider<PluginLifecycleHook> hooks;
    private final Duration timeBox;

    PluginStarter(PluginInvoker invoker, ObjectProvider<PluginLifecycleHook> hooks, Duration timeBox) {
        this.invoker = invoker;
        this.hooks = hooks;
        this.timeBox = timeBox;
    }

    /**
     * Starts a loaded plugin and creates its extensions.
     *
     * @throws PluginFault with the reason an admin reads, after the plugin was stopped again if need be; pf4j's
     *                     state is then left for the caller to set
     */
    LivePlugin start(CrmPluginManager manager, PluginWrapper plugin, PluginScope scope) {
        String id = plugin.getPluginId();
        ClassLoader loader = plugin.getPluginClassLoader();
        try {
            for (PluginLifecycleHook hook : hooks.orderedStream().toList()) {
                hook.beforeStart(scope);
            }
        } catch (Exception e) {
            throw new PluginFault("preparing it failed: " + PluginFault.describe(e), e);
        }
        try {
            Plugin instance = invoker.invoke(id, loader, timeBox, plugin::getPlugin);
            invoker.invoke(id, loader, timeBox, () -> {
                instance.start();
                return null;
            });
        } catch (PluginInvocationFailure e) {
            throw new PluginFault(e.reason("start()"), e.thrown());
        }
        manager.markStarted(plugin);
        try {
            List<LivePlugin.LiveExtension> extensions = invoker.invoke(id, loader, timeBox,
                    () -> ExtensionCatalog.create(manager, id, loader));
            return new LivePlugin(id, plugin.getDescriptor().getVersion(), loader, extensions);
        } catch (PluginInvocationFailure e) {
            stop(plugin);
            throw new PluginFault(e.reason("loading its extensions"), e.thrown());
        }
    }

    /** Calls the plugin's {@code stop()}; a failure there is logged, not raised. */
    void stop(PluginWrapper plugin) {
        try {
            Plugin instance = plugin.getPlugin();
            if (instance != null) {
                invoker.invoke(plugin.getPluginId(), plugin.getPluginClassLoader(), timeBox, () -> {
                    instance.stop();
                    return null;
                });
            }
        } catch (PluginInvocationFailure e) {
            log.warn("Plugin {}: {}", plugin.getPluginId(), e.reason("stop()"));
        } catch (RuntimeException e) {
            log.warn("Plugin {} could not be stopped: {}", plugin.getPluginId(), PluginFault.describe(e));
        }
    }
}
