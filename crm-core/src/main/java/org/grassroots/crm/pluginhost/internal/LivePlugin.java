package org.grassroots.crm.pluginhost.internal;

import java.util.List;
import java.util.Optional;

/** A started plugin and its extensions, as the host keeps them until the plugin stops. */
public record LivePlugin(String pluginId, String version, ClassLoader classLoader, List<LiveExtension> extensions) {

    public LivePlugin {
        extensions = List.copyOf(extensions);
    }

    /** The extension that is this very instance, if it is one of the plugin's. */
    public Optional<LiveExtension> extension(Object instance) {
        return extensions.stream().filter(extension -> extension.instance() == instance).findFirst();
    }

    /**
     * One extension instance with what the host read from it at start.
     *
     * @param points the simple names of the extension points it implements, for example {@code PetitionSource}
     */
    public record LiveExtension(Object instance, String id, String displayName, String points) {
    }
}
