package org.grassroots.crm.pluginhost.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.grassroots.crm.plugin.api.CrmExtension;
import org.grassroots.crm.plugin.api.PluginApi;
import org.pf4j.ExtensionWrapper;

/** Creates a started plugin's extensions and reads their ids and names; runs as plugin code, inside the barrier. */
final class ExtensionCatalog {

    private static final Pattern EXTENSION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private ExtensionCatalog() {
    }

    static List<LivePlugin.LiveExtension> create(CrmPluginManager manager, String pluginId, ClassLoader loader) {
        // pf4j skips (and only logs) an indexed class it cannot load; the admin should see why instead
        for (String className : manager.getExtensionClassNames(pluginId)) {
            try {
                Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new PluginFault("extension " + className + " cannot be loaded: " + PluginFault.describe(e), e);
            }
        }
        List<LivePlugin.LiveExtension> extensions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ExtensionWrapper<?> wrapper : manager.extensionsOf(pluginId)) {
            Object instance = wrapper.getExtension();
            String className = instance.getClass().getName();
            if (!(instance instanceof CrmExtension extension)) {
                throw new PluginFault("extension " + className + " implements no Grassroots CRM extension point");
            }
            String id = extension.id();
            if (id == null || !EXTENSION_ID.matcher(id).matches()) {
                throw new PluginFault("extension " + className + " has id '" + id
                        + "': use lower-case letters, digits and dashes");
            }
            if (!ids.add(id)) {
                throw new PluginFault("two extensions have the id '" + id + "'");
            }
            String name = extension.displayName();
            extensions.add(new LivePlugin.LiveExtension(instance, id, name == null || name.isBlank() ? id : name,
                    points(instance.getClass())));
        }
        return extensions;
    }

    /** The API extension points a class implements, by simple name. */
    static String points(Class<?> type) {
        Set<String> names = new TreeSet<>();
        collect(type, names);
        return names.isEmpty() ? CrmExtension.class.getSimpleName() : String.join(", ", names);
    }

    private static void collect(Class<?> type, Set<String> names) {
        for (Class<?> implemented : type.getInterfaces()) {
            if (implemented != CrmExtension.class && CrmExtension.class.isAssignableFrom(implemented)
                    && implemented.getName().startsWith(PluginApi.PACKAGE_PREFIX)) {
                names.add(implemented.getSimpleName());
            }
            collect(implemented, names);
        }
        if (type.getSuperclass() != null) {
            collect(type.getSuperclass(), names);
        }
    }
}
