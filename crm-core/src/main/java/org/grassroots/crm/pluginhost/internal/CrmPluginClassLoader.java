package org.grassroots.crm.pluginhost.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;

import org.grassroots.crm.plugin.api.PluginApi;
import org.pf4j.IndexedExtensionFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader. The plugin API, pf4j, SLF4J, JSpecify and the JDK come from the application, so host and
 * plugins share one definition of each; every other {@code org.grassroots.crm} class is never taken from the
 * application (a plugin may only use the API); anything else is looked up in the plugin first, then the application.
 */
final class CrmPluginClassLoader extends PluginClassLoader {

    static final String CRM_PREFIX = "org.grassroots.crm.";
    private static final List<String> SHARED = List.of(PluginApi.PACKAGE_PREFIX, "org.pf4j.", "org.slf4j.",
            "org.jspecify.");

    CrmPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        return SHARED.stream().anyMatch(className::startsWith) && !className.startsWith("org.pf4j.test");
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (shouldDelegateToParent(className) || className.startsWith("java.")) {
            return super.loadClass(className);
        }
        synchronized (getClassLoadingLock(className)) {
            Class<?> loaded = findLoadedClass(className);
            if (loaded != null) {
                return loaded;
            }
            if (className.startsWith("javax.")) {
                // the JDK's javax packages first; a javax library the plugin bundles (and the JDK lacks) after
                try {
                    return getParent().loadClass(className);
                } catch (ClassNotFoundException notInApplication) {
                    return findClass(className);
                }
            }
            if (className.startsWith(CRM_PREFIX)) {
                try {
                    return findClass(className);
                } catch (ClassNotFoundException e) {
                    throw new ClassNotFoundException(className + ": plugins may only use " + PluginApi.PACKAGE_PREFIX
                            .substring(0, PluginApi.PACKAGE_PREFIX.length() - 1));
                }
            }
        }
        return super.loadClass(className);
    }

    /** The extension index is the plugin's own; never fall back to the application's. */
    @Override
    public URL getResource(String name) {
        return IndexedExtensionFinder.EXTENSIONS_RESOURCE.equals(name) ? findResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return IndexedExtensionFinder.EXTENSIONS_RESOURCE.equals(name)
                ? findResources(name) : super.getResources(name);
    }

}
