package org.grassroots.crm.pluginhost.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginWrapper;

/**
 * Creates a plugin's {@link Plugin} instance through its public no-argument constructor. Unlike pf4j's default it
 * never passes the {@link PluginWrapper} (which would hand the plugin the plugin manager) and it fails with a reason
 * instead of logging and returning {@code null}.
 */
final class CrmPluginFactory implements PluginFactory {

    @Override
    public Plugin create(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        if (className == null || className.isBlank() || className.equals(Plugin.class.getName())) {
            return new Plugin(); // no Plugin-Class: the plugin has extensions only, no start/stop hooks
        }
        Class<?> pluginClass;
        try {
            pluginClass = wrapper.getPluginClassLoader().loadClass(className);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginFault("its Plugin-Class " + className + " cannot be loaded: " + PluginFault.describe(e), e);
        }
        if (!Plugin.class.isAssignableFrom(pluginClass) || Modifier.isAbstract(pluginClass.getModifiers())) {
            throw new PluginFault("its Plugin-Class " + className + " is not a concrete subclass of org.pf4j.Plugin");
        }
        Constructor<?> constructor;
        try {
            constructor = pluginClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new PluginFault("its Plugin-Class " + className + " needs a public constructor without parameters");
        }
        try {
            return (Plugin) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new PluginFault("the constructor of " + className + " threw " + PluginFault.describe(e), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new PluginFault("its Plugin-Class " + className + " cannot be created: " + PluginFault.describe(e), e);
        }
    }
}
