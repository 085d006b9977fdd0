package org.grassroots.crm.pluginhost.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.grassroots.crm.plugin.api.PluginApi;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.pf4j.ExtensionFactory;

/**
 * Builds each extension once per plugin start through its single public constructor, passing the ports that
 * constructor declares. The allow-list is exactly the port types offered by {@link PluginPortSource} beans, all of
 * them plugin API types; asking for anything else fails the plugin with a reason naming the parameter.
 */
final class PortInjectingExtensionFactory implements ExtensionFactory {

    private final Map<Class<?>, PluginPortSource<?>> sources;
    private final Function<Class<?>, PluginScope> scopeOfClass;
    private final Map<String, Instances> byPlugin = new ConcurrentHashMap<>();

    /**
     * @param scopeOfClass the scope of the plugin that defines a class; throws for a class of no plugin
     */
    PortInjectingExtensionFactory(List<PluginPortSource<?>> sources, Function<Class<?>, PluginScope> scopeOfClass) {
        this.sources = byPortType(sources);
        this.scopeOfClass = scopeOfClass;
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        PluginScope scope = scopeOfClass.apply(extensionClass);
        Instances instances = byPlugin.computeIfAbsent(scope.pluginId(), id -> new Instances());
        synchronized (instances) {
            Object existing = instances.extensions.get(extensionClass);
            if (existing == null) {
                existing = instantiate(extensionClass, scope, instances);
                instances.extensions.put(extensionClass, existing);
            }
            return extensionClass.cast(existing);
        }
    }

    /** Drops the extensions and ports of a stopped plugin, so nothing here keeps its classes alive. */
    void forget(String pluginId) {
        byPlugin.remove(pluginId);
    }

    /** The port types an extension may ask for, by simple name, for messages. */
    String allowedPorts() {
        String names = sources.keySet().stream().map(Class::getSimpleName).sorted().collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    private Object instantiate(Class<?> extensionClass, PluginScope scope, Instances instances) {
        Constructor<?>[] constructors = extensionClass.getConstructors();
        if (constructors.length != 1) {
            throw new PluginFault("extension " + extensionClass.getName() + " needs exactly one public constructor, "
                    + "has " + constructors.length);
        }
        Class<?>[] parameters = constructors[0].getParameterTypes();
        Object[] ports = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            PluginPortSource<?> source = sources.get(parameters[i]);
            if (source == null) {
                throw new PluginFault("extension " + extensionClass.getName() + " asks for " + parameters[i].getName()
                        + ", which is not a plugin port; allowed: " + allowedPorts());
            }
            ports[i] = instances.ports.computeIfAbsent(parameters[i], type -> source.forPlugin(scope));
        }
        try {
            return constructors[0].newInstance(ports);
        } catch (InvocationTargetException e) {
            throw new PluginFault("the constructor of extension " + extensionClass.getName() + " threw "
                    + PluginFault.describe(e), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new PluginFault("extension " + extensionClass.getName() + " cannot be created: "
                    + PluginFault.describe(e), e);
        }
    }

    private static Map<Class<?>, PluginPortSource<?>> byPortType(List<PluginPortSource<?>> sources) {
        Map<Class<?>, PluginPortSource<?>> byType = new HashMap<>();
        for (PluginPortSource<?> source : sources) {
            Class<?> port = source.portType();
            if (!port.isInterface() || !port.getName().startsWith(PluginApi.PACKAGE_PREFIX)) {
                throw new IllegalStateException(source.getClass().getName() + " offers " + port.getName()
                        + " as a plugin port, but ports must be interfaces of the plugin API");
            }
            PluginPortSource<?> other = byType.putIfAbsent(port, source);
            if (other != null) {
                throw new IllegalStateException("Two beans offer the plugin port " + port.getSimpleName() + ": "
                        + other.getClass().getName() + " and " + source.getClass().getName());
            }
        }
        return Map.copyOf(byType);
    }

    /** One plugin's extensions and the port instances they share. */
    private static final class Instances {
        final Map<Class<?>, Object> extensions = new HashMap<>();
        final Map<Class<?>, Object> ports = new HashMap<>();
    }
}
