package org.grassroots.crm.pluginhost.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import com.github.zafarkhaja.semver.Version;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.plugin.api.PluginApi;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.jspecify.annotations.Nullable;

/**
 * Checks a plugin file before any of its classes is loaded, and says what is wrong in a message naming the file.
 *
 * <p>Two layouts are accepted, the two pf4j's deployment loaders read:
 * <ul>
 *   <li>a <b>jar</b>: classes at the root, {@code META-INF/extensions.idx}, and the descriptor in
 *   {@code plugin.properties} at the root or else in the {@code META-INF/MANIFEST.MF} main attributes;</li>
 *   <li>a <b>zip</b>, expanded into a folder when loaded: {@code classes/} and/or jars under {@code lib/}, with the
 *   descriptor in {@code plugin.properties} at the root or else in the zip's only {@code MANIFEST.MF}
 *   (normally {@code classes/META-INF/MANIFEST.MF}).</li>
 * </ul>
 * As in pf4j, a {@code plugin.properties} file wins over the manifest. The descriptor needs an id of safe
 * characters, a semantic version, a plugin class that is in the file, and a {@code Plugin-Requires} range that
 * {@link PluginApi#VERSION} satisfies. Dependencies between plugins are not supported. No entry may escape the
 * folder it is expanded into, and the plugin API must not be bundled (the host provides it).
 */
public class PluginPackageValidator {

    static final Pattern PLUGIN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    private static final String API_PATH = PluginApi.PACKAGE_PREFIX.replace('.', '/');
    private static final int MAX_ENTRIES = 10_000;
    /** Expanded content may be at most this many times the upload limit (a guard against zip bombs). */
    private static final int MAX_EXPANSION = 10;

    private final DefaultVersionManager versions = new DefaultVersionManager();
    private final Set<String> allowedSha256;
    private final long maxBytes;

    public PluginPackageValidator(List<String> allowedSha256, long maxBytes) {
        this.allowedSha256 = Set.copyOf(allowedSha256);
        this.maxBytes = maxBytes;
    }

    /**
     * Validates {@code file}, called {@code displayName} in messages (the name it was uploaded under).
     *
     * @throws InvalidInputException (field {@code file}) naming the file and the problem
     */
    public PluginPackage validate(Path file, String displayName) {
        PluginPackage.Kind kind = kindOf(displayName);
        String sha256;
        try {
            sha256 = PluginFiles.sha256(file);
        } catch (java.io.UncheckedIOException e) {
            throw refused(displayName, "could not be read (" + e.getCause().getMessage() + ")");
        }
        if (!allowedSha256.isEmpty() && !allowedSha256.contains(sha256)) {
            throw refused(displayName, "has SHA-256 " + sha256 + ", which is not on the allow-list "
                    + "(crm.plugins.allowed-sha256)");
        }
        Contents contents = read(file, displayName, kind);
        Properties descriptor = contents.descriptor();
        if (descriptor == null) {
            throw refused(displayName, "has no plugin descriptor: put Plugin-Id, Plugin-Version, Plugin-Class and "
                    + "Plugin-Requires in META-INF/MANIFEST.MF or plugin.properties");
        }
        PluginPackage plugin = describe(descriptor, sha256, kind, displayName);
        String classEntry = plugin.pluginClass().replace('.', '/') + ".class";
        if (!contents.classes().contains(classEntry)) {
            throw refused(displayName, "names Plugin-Class " + plugin.pluginClass() + ", which is not in the file");
        }
        return plugin;
    }

    /** The kind a file name says, or a refusal for anything but .jar and .zip. */
    public static PluginPackage.Kind kindOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jar")) {
            return PluginPackage.Kind.JAR;
        }
        if (lower.endsWith(".zip")) {
            return PluginPackage.Kind.ZIP;
        }
        throw refused(fileName, "is not a plugin: upload a .jar or .zip file");
    }

    static InvalidInputException refused(String fileName, String problem) {
        return new InvalidInputException("file", fileName + " " + problem);
    }

    private PluginPackage describe(Properties descriptor, String sha256, PluginPackage.Kind kind, String file) {
        String id = value(descriptor, ManifestPluginDescriptorFinder.PLUGIN_ID);
        if (id == null) {
            throw refused(file, "has no Plugin-Id in its descriptor");
        }
        if (!PLUGIN_ID.matcher(id).matches()) {
            throw refused(file, "has Plugin-Id '" + id + "': use 2 to 64 lower-case letters, digits and dashes, "
                    + "starting with a letter or digit");
        }
        String version = value(descriptor, ManifestPluginDescriptorFinder.PLUGIN_VERSION);
        if (version == null || !Version.isValid(version, true)) {
            throw refused(file, "has Plugin-Version '" + (version == null ? "" : version)
                    + "': use a semantic version such as 1.2.0");
        }
        String pluginClass = value(descriptor, ManifestPluginDescriptorFinder.PLUGIN_CLASS);
        if (pluginClass == null || !CLASS_NAME.matcher(pluginClass).matches()) {
            throw refused(file, "has no valid Plugin-Class in its descriptor");
        }
        String requires = value(descriptor, ManifestPluginDescriptorFinder.PLUGIN_REQUIRES);
        if (requires == null) {
            throw refused(file, "declares no Plugin-Requires: add the plugin API range it was built for, for example "
                    + "'>=1.0.0 & <2.0.0'");
        }
        if (!satisfied(requires, file)) {
            throw refused(file, "requires plugin API '" + requires + "', but this CRM offers " + PluginApi.VERSION);
        }
        if (value(descriptor, ManifestPluginDescriptorFinder.PLUGIN_DEPENDENCIES) != null) {
            throw refused(file, "depends on other plugins, which this CRM does not support");
        }
        String description = value(descriptor, ManifestPluginDescriptorFinder.PLUGIN_DESCRIPTION);
        return new PluginPackage(id, version, pluginClass, requires,
                value(descriptor, ManifestPluginDescriptorFinder.PLUGIN_PROVIDER),
                description == null ? "" : description, sha256, kind);
    }

    /** Whether the host's API version is in {@code requires}; an exact version means "at least", as in the host. */
    public boolean satisfied(String requires, String file) {
        String range = requires.matches("\\d+\\.\\d+\\.\\d+") ? ">=" + requires : requires;
        try {
            return versions.checkVersionConstraint(PluginApi.VERSION, range);
        } catch (RuntimeException e) {
            throw refused(file, "has Plugin-Requires '" + requires + "', which is not a version range such as "
                    + "'>=1.0.0 & <2.0.0'");
        }
    }

    private Contents read(Path file, String displayName, PluginPackage.Kind kind) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw refused(displayName, "has more than " + MAX_ENTRIES + " entries");
            }
            Contents contents = new Contents(kind, displayName);
            long budget = maxBytes * MAX_EXPANSION;
            for (ZipEntry entry : zip.stream().toList()) {
                checkName(entry.getName(), displayName);
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    // reading every entry to its end also checks its CRC, so a damaged file is refused here
                    budget -= contents.add(entry.getName(), in, budget);
                }
                if (budget < 0) {
                    throw refused(displayName, "expands to more than "
                            + PluginHostProperties.sizeText(maxBytes * MAX_EXPANSION));
                }
            }
            return contents;
        } catch (IOException e) {
            throw refused(displayName, "is not a valid jar or zip file (" + e.getMessage() + ")");
        }
    }

    /** Zip-slip and friends: the name must stay inside the folder the file is expanded into. */
    static void checkName(String name, String displayName) {
        boolean escapes = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.indexOf('\0') >= 0;
        for (String segment : name.split("/")) {
            escapes |= segment.equals("..");
        }
        if (escapes) {
            throw refused(displayName, "has entry '" + name + "', which escapes the plugin folder");
        }
    }

    private static @Nullable String value(Properties descriptor, String manifestName) {
        String value = descriptor.getProperty(manifestName);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Entries gathered while reading: the descriptor (under manifest names) and every class entry. */
    private static final class Contents {

        private static final String PROPERTIES = PropertiesPluginDescriptorFinder.DEFAULT_PROPERTIES_FILE_NAME;

        private final PluginPackage.Kind kind;
        private final String displayName;
        private final Set<String> classes = new HashSet<>();
        private final List<byte[]> manifests = new ArrayList<>();
        private byte @Nullable [] properties;

        Contents(PluginPackage.Kind kind, String displayName) {
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
                throw refused(displayName, "holds a jar that is not valid (" + e.getMessage() + ")");
            }
        }

        private void addClass(String path) {
            if (path.startsWith(API_PATH)) {
                throw refused(displayName, "bundles the plugin API (" + path + "); the CRM provides it, so depend "
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
}
