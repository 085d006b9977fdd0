package org.grassroots.crm.pluginhost.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.grassroots.crm.plugin.api.PluginApi;
import org.jspecify.annotations.Nullable;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;

/** A plugin file's entries as the validator reads them: the descriptor (under manifest names) and every class. */
final class PluginPackageContents {

    private static final String API_PATH = PluginApi.PACKAGE_PREFIX.replace('.', '/');
    private static final String PROPERTIES = PropertiesPluginDescriptorFinder.DEFAULT_PROPERTIES_FILE_NAME;

    private final PluginPackage.Kind kind;
    private final String displayName;
    private final Set<String> classes = new HashSet<>();
    private final List<byte[]> manifests = new ArrayList<>();
    private byte @Nullable [] properties;

    PluginPackageContents(PluginPackage.Kind kind, String displayName) {
        this.kind = kind;
        this.displayName = displayName;
    }

    /** Reads one entry to its end, keeping what is needed; returns its size, at most {@code budget + 1}. */
    long add(String name, InputStream in, long budget) throws IOException {
        boolean manifest = kind == PluginPackage.Kind.JAR ? name.equals("META-INF/MANIFEST.MF")
                : name.equals("MANIFEST.MF") || name.endsWith("/MANIFEST.MF");
        boolean nestedJar = kind == PluginPackage.Kind.ZIP && name.startsWith("lib/") && name.endsWith(".jar");
        boolean keep = manifest || nestedJar || name.equals(PROPERTIES);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long size = 0;
        for (int read = in.read(buffer); read >= 0 && size <= budget; read = in.read(buffer)) {
            size += read;
            if (keep) {
                kept.write(buffer, 0, read);
            }
        }
        if (size > budget) {
            return size;
        }
        if (name.equals(PROPERTIES)) {
            properties = kept.toByteArray();
        } else if (manifest) {
            manifests.add(kept.toByteArray());
        }
        addClass(kind == PluginPackage.Kind.ZIP && name.startsWith("classes/")
                ? name.substring("classes/".length()) : name);
        if (nestedJar) {
            addNested(kept.toByteArray());
        }
        return size;
    }

    /** A jar under a zip's {@code lib/} is put on the class path as it is, so only its class names matter. */
    private void addNested(byte[] jar) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                addClass(entry.getName());
            }
        } catch (IOException e) {
            throw PluginPackageValidator.refused(displayName, "holds a jar that is not valid (" + e.getMessage() + ")");
        }
    }

    private void addClass(String path) {
        if (path.startsWith(API_PATH)) {
            throw PluginPackageValidator.refused(displayName, "bundles the plugin API (" + path + "); the CRM provides it, so depend "
                    + "on crm-plugin-api with scope 'provided'");
        }
        if (path.endsWith(".class")) {
            classes.add(path);
        }
    }

    Set<String> classes() {
        return classes;
    }

    @Nullable Properties descriptor() {
        try {
            if (properties != null) {
                Properties read = new Properties();
                read.load(new ByteArrayInputStream(properties));
                return underManifestNames(read);
            }
            if (manifests.size() != 1) {
                return null;
            }
            Attributes attributes = new Manifest(new ByteArrayInputStream(manifests.getFirst()))
                    .getMainAttributes();
            Properties read = new Properties();
            attributes.forEach((key, value) -> read.setProperty(key.toString(), value.toString()));
            return read.getProperty(ManifestPluginDescriptorFinder.PLUGIN_ID) == null ? null : read;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Properties underManifestNames(Properties pluginProperties) {
        Properties result = new Properties();
        copy(pluginProperties, PropertiesPluginDescriptorFinder.PLUGIN_ID, result, ManifestPluginDescriptorFinder.PLUGIN_ID);
        copy(pluginProperties, PropertiesPluginDescriptorFinder.PLUGIN_VERSION, result, ManifestPluginDescriptorFinder.PLUGIN_VERSION);
        copy(pluginProperties, PropertiesPluginDescriptorFinder.PLUGIN_CLASS, result, ManifestPluginDescriptorFinder.PLUGIN_CLASS);
        copy(pluginProperties, PropertiesPluginDescriptorFinder.PLUGIN_REQUIRES, result, ManifestPluginDescriptorFinder.PLUGIN_REQUIRES);
        copy(pluginProperties, PropertiesPluginDescriptorFinder.PLUGIN_PROVIDER, result, ManifestPluginDescriptorFinder.PLUGIN_PROVIDER);
        copy(pluginProperties, PropertiesPluginDescriptorFinder.PLUGIN_DESCRIPTION, result, ManifestPluginDescriptorFinder.PLUGIN_DESCRIPTION);
        copy(pluginProperties, PropertiesPluginDescriptorFinder.PLUGIN_DEPENDENCIES, result, ManifestPluginDescriptorFinder.PLUGIN_DEPENDENCIES);
        return result;
    }

    private static void copy(Properties from, String fromKey, Properties to, String toKey) {
        String value = from.getProperty(fromKey);
        if (value != null) {
            to.setProperty(toKey, value);
        }
    }
}
