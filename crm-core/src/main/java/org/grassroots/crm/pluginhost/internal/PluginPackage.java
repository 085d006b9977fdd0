package org.grassroots.crm.pluginhost.internal;

import org.jspecify.annotations.Nullable;

/**
 * A plugin file that passed {@link PluginPackageValidator}: what its descriptor says, and the file's hash.
 *
 * @param kind whether it is a plain plugin jar or a pf4j zip (expanded into a folder when loaded)
 */
public record PluginPackage(String id, String version, String pluginClass, String requires,
        @Nullable String provider, String description, String sha256, Kind kind) {

    public enum Kind {
        JAR("jar"), ZIP("zip");

        private final String extension;

        Kind(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** The name the file gets inside the plugins folder. */
    public String installedFileName() {
        return id + "-" + version + "." + kind.extension();
    }
}
