package org.grassroots.crm.pluginhost.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.github.zafarkhaja.semver.Version;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.plugin.api.PluginApi;
import org.pf4j.DefaultVersionManager;
import org.jspecify.annotations.Nullable;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.Plugin;

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
        PluginPackageContents contents = read(file, displayName, kind);
        Properties descriptor = contents.descriptor();
        if (descriptor == null) {
            throw refused(displayName, "has no plugin descriptor: put Plugin-Id, Plugin-Version and Plugin-Requires "
                    + "(and optionally Plugin-Class) in META-INF/MANIFEST.MF or plugin.properties");
        }
        PluginPackage plugin = describe(descriptor, sha256, kind, displayName);
        String classEntry = plugin.pluginClass().replace('.', '/') + ".class";
        if (!plugin.pluginClass().equals(Plugin.class.getName()) && !contents.classes().contains(classEntry)) {
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
        // Plugin-Class is optional: a plugin that needs no start/stop hooks gets pf4j's base Plugin
        String declaredClass = value(descriptor, ManifestPluginDescriptorFinder.PLUGIN_CLASS);
        String pluginClass = declaredClass == null ? Plugin.class.getName() : declaredClass;
        if (!CLASS_NAME.matcher(pluginClass).matches()) {
            throw refused(file, "has Plugin-Class '" + pluginClass + "', which is not a Java class name");
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

    private PluginPackageContents read(Path file, String displayName, PluginPackage.Kind kind) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw refused(displayName, "has more than " + MAX_ENTRIES + " entries");
            }
            PluginPackageContents contents = new PluginPackageContents(kind, displayName);
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
}
