package org.grassroots.crm.pluginhost;

/**
 * Supplies one port of the plugin API to extensions. Every Spring bean of this type adds its port to the allow-list
 * the host's extension factory injects from; nothing else can be injected into an extension.
 *
 * @param <T> the port interface, a type of the plugin API
 */
public interface PluginPortSource<T> {

    /** The port interface an extension constructor declares. */
    Class<T> portType();

    /** The port instance for one plugin (ports such as settings and storage are scoped to the plugin). */
    T forPlugin(PluginScope scope);
}
