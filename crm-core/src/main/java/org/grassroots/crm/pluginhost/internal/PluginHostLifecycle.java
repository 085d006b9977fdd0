package org.grassroots.crm.pluginhost.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Opens the plugin host once the application context is ready (loading installed plugins from the database state
 * and installing bundled ones) and closes it on shutdown. It runs in an early phase, so plugins are up before the
 * web server takes requests and still up until it has stopped taking them.
 */
@Component
class PluginHostLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PluginHostLifecycle.class);

    private final PluginHost host;
    private final BundledPlugins bundled;
    private final PluginHostProperties properties;
    private volatile boolean running;

    PluginHostLifecycle(PluginHost host, BundledPlugins bundled, PluginHostProperties properties) {
        this.host = host;
        this.bundled = bundled;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        if (!properties.enabled()) {
            log.info("Plugins are switched off (crm.plugins.enabled=false)");
            return;
        }
        host.open();
        bundled.installMissing();
        log.info("Plugin host open: {} plugin(s) running from {}", host.live().size(), properties.dir());
    }

    @Override
    public void stop() {
        running = false;
        host.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
