package org.grassroots.crm.pluginhost.internal;

import org.grassroots.crm.pluginhost.internal.PluginRunListener.StopCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/** Tells every {@link PluginRunListener}; one that throws is logged and does not stop the others. */
final class RunListeners {

    private static final Logger log = LoggerFactory.getLogger(RunListeners.class);

    private final ObjectProvider<PluginRunListener> listeners;

    RunListeners(ObjectProvider<PluginRunListener> listeners) {
        this.listeners = listeners;
    }

    void started(LivePlugin plugin) {
        listeners.orderedStream().forEach(listener -> {
            try {
                listener.started(plugin);
            } catch (RuntimeException e) {
                log.error("{} failed after plugin {} started", listener.getClass().getSimpleName(),
                        plugin.pluginId(), e);
            }
        });
    }

    void stopped(String pluginId, StopCause cause) {
        listeners.orderedStream().forEach(listener -> {
            try {
                listener.stopped(pluginId, cause);
            } catch (RuntimeException e) {
                log.error("{} failed after plugin {} stopped", listener.getClass().getSimpleName(), pluginId, e);
            }
        });
    }
}
