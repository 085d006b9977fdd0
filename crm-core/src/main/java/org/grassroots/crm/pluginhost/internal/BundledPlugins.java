package org.grassroots.crm.pluginhost.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.grassroots.crm.common.InvalidInputException;
import org.pf4j.DefaultVersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Installs the plugins that come with the CRM ({@code crm.plugins.bundled}) at start-up, so they run on the first
 * start with no manual step. Each entry is a jar or zip file, a folder holding them, or a glob pattern such as
 * {@code plugins/*}{@code /target/*.jar}. A bundled plugin is installed, through the same path as an upload and as
 * user {@code system}, when no plugin with its id is installed or the installed version is lower. So an admin who
 * wants a bundled plugin off disables it; uninstalling it lasts only until the next start.
 */
@Component
class BundledPlugins {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(BundledPlugins.class);

    private final PluginHostProperties properties;
    private final PluginInstaller installer;
    private final PluginInstallationRepository installations;
    private final DefaultVersionManager versions = new DefaultVersionManager();

    BundledPlugins(PluginHostProperties properties, PluginInstaller installer,
            PluginInstallationRepository installations) {
        this.properties = properties;
        this.installer = installer;
        this.installations = installations;
    }

    /** Installs or upgrades every bundled plugin that needs it; a bad file is logged and skipped. */
    void installMissing() {
        for (Path file : files()) {
            try {
                PluginPackage plugin = installer.inspect(file);
                Optional<PluginInstallation> installed = installations.find(plugin.id());
                if (installed.isEmpty() || versions.compareVersions(plugin.version(), installed.get().version()) > 0) {
                    installer.install(file.getFileName().toString(), Files.newInputStream(file), SYSTEM, true);
                    log.info("Installed bundled plugin {} {} from {}", plugin.id(), plugin.version(), file);
                }
            } catch (InvalidInputException | IOException | UncheckedIOException e) {
                log.error("Bundled plugin {} was not installed: {}", file, e.getMessage());
            }
        }
    }

    /** The bundled plugin files, in the order configured, each once. */
    List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String entry : properties.bundled()) {
            for (Path file : expand(entry)) {
                if (!files.contains(file)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    private static List<Path> expand(String entry) {
        try {
            if (entry.contains("*") || entry.contains("?") || entry.contains("[") || entry.contains("{")) {
                return glob(entry);
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    return listing.filter(BundledPlugins::isPluginFile).sorted().toList();
                }
            }
            if (isPluginFile(path)) {
                return List.of(path);
            }
            log.warn("Bundled plugin {} is neither a jar or zip file nor a folder", entry);
        } catch (IOException e) {
            log.error("Cannot read bundled plugins at {}: {}", entry, e.getMessage());
        }
        return List.of();
    }

    /** Walks from the longest leading part of the pattern without wildcards and matches the rest. */
    private static List<Path> glob(String pattern) throws IOException {
        String normalized = pattern.replace('\\', '/');
        int slash = normalized.lastIndexOf('/', indexOfWildcard(normalized));
        String fixed = slash < 0 ? "" : slash == 0 ? "/" : normalized.substring(0, slash);
        Path base = Path.of(fixed).toAbsolutePath().normalize();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized.substring(slash + 1));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(base)) {
            return walk.filter(path -> matcher.matches(base.relativize(path)) && isPluginFile(path)).sorted()
                    .toList();
        }
    }

    private static int indexOfWildcard(String pattern) {
        int index = pattern.length();
        for (char wildcard : new char[] {'*', '?', '[', '{'}) {
            int at = pattern.indexOf(wildcard);
            if (at >= 0) {
                index = Math.min(index, at);
            }
        }
        return index;
    }

    private static boolean isPluginFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".jar") || name.endsWith(".zip"));
    }
}
