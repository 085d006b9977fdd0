package org.grassroots.crm.pluginhost.internal;

import org.grassroots.crm.pluginhost.PluginRunChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the other features that a plugin started or stopped, as a {@link PluginRunChanged} event. */
@Component
class PluginRunEvents implements PluginRunListener {

    private final ApplicationEventPublisher events;

    PluginRunEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void started(LivePlugin plugin) {
        events.publishEvent(new PluginRunChanged(plugin.pluginId(), true, false));
    }

    @Override
    public void stopped(String pluginId, StopCause cause) {
        events.publishEvent(new PluginRunChanged(pluginId, false, cause == StopCause.SHUTDOWN));
    }
}
