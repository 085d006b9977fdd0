package org.grassroots.crm.pluginhost.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.pluginhost.PluginLifecycleHook;
import org.jspecify.annotations.Nullable;
import org.pf4j.DefaultVersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts plugin files into the plugins folder and takes them out again: the one path uploads and bundled plugins
 * take. An upload is streamed into a temporary file with a hard size limit, validated before any class is loaded,
 * moved into place as {@code <id>-<version>.jar|zip}, recorded and audited in one transaction, then loaded and
 * started. A higher version of an installed plugin upgrades it (keeping its enabled flag); anything else with an
 * installed id is refused.
 */
@Component
public class PluginInstaller {

    private static final Logger log = LoggerFactory.getLogger(PluginInstaller.class);
    private static final String INCOMING = ".incoming";

    private final PluginHost host;
    private final PluginInstallationRepository installations;
    private final PluginAuditTrail audit;
    private final ObjectProvider<PluginLifecycleHook> hooks;
    private final PluginHostProperties properties;
    private final PluginPackageValidator validator;
    private final TransactionTemplate transaction;
    private final DefaultVersionManager versions = new DefaultVersionManager();

    PluginInstaller(PluginHost host, PluginInstallationRepository installations, PluginAuditTrail audit,
            ObjectProvider<PluginLifecycleHook> hooks, PluginHostProperties properties,
            PlatformTransactionManager transactions) {
        this.host = host;
        this.installations = installations;
        this.audit = audit;
        this.hooks = hooks;
        this.properties = properties;
        this.validator = new PluginPackageValidator(properties.allowedSha256(), properties.maxSize().toBytes());
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What an install did: the plugin, and the version it replaced (or {@code null}). */
    public record Installed(String pluginId, String version, @Nullable String previousVersion) {
    }

    /**
     * Installs or upgrades the plugin in {@code data}, which is closed afterwards.
     *
     * @param fileName the name it was uploaded under (only its last path segment is used, in messages)
     * @param actor    who installs it, {@code system} for bundled plugins
     * @throws InvalidInputException (field {@code file}) naming the file and what is wrong with it
     */
    public Installed install(String fileName, InputStream data, String actor, boolean bundled) {
        String name = baseName(fileName);
        try (data) {
            PluginPackageValidator.kindOf(name);
            if (!host.isOpen()) {
                throw PluginPackageValidator.refused(name, "cannot be installed: plugins are switched off on this "
                        + "server (crm.plugins.enabled=false)");
            }
            Path incoming = Files.createDirectories(properties.dir().resolve(INCOMING));
            Path temp = Files.createTempFile(incoming, "upload-", ".part");
            try {
                if (!PluginFiles.copyAtMost(data, temp, properties.maxSize().toBytes())) {
                    throw PluginPackageValidator.refused(name, "is larger than the " + properties.maxSizeText()
                            + " limit for plugins (crm.plugins.max-size)");
                }
                PluginPackage plugin = validator.validate(temp, name);
                return host.exclusively(() -> place(plugin, temp, name, actor, bundled));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the plugin " + name, e);
        }
    }

    /** The descriptor of a plugin file, validated as an upload would be, without installing it. */
    public PluginPackage inspect(Path file) {
        return validator.validate(file, file.getFileName().toString());
    }

    /** Stops, unloads and deletes a plugin, forgets it, and lets lifecycle hooks clean up after it. */
    public void uninstall(String pluginId, String actor) {
        PluginInstallation installation = installations.find(pluginId).orElseThrow(() -> notInstalled(pluginId));
        host.exclusively(() -> {
            if (host.isOpen()) {
                host.unload(pluginId);
            }
            try {
                PluginFiles.deleteInstalled(properties.dir(), installation.fileName());
            } catch (IOException e) {
                log.warn("Could not delete the file of plugin {}: {}", pluginId, e.getMessage());
            }
            transaction.executeWithoutResult(status -> {
                installations.delete(pluginId);
                audit.record(actor, AuditAction.PLUGIN_UNINSTALLED, pluginId,
                        Map.of("version", installation.version(), "sha256", installation.sha256()));
            });
            return null;
        });
        hooks.orderedStream().forEach(hook -> {
            try {
                hook.afterUninstall(pluginId);
            } catch (RuntimeException e) {
                log.error("{} failed after plugin {} was uninstalled", hook.getClass().getSimpleName(), pluginId, e);
            }
        });
    }

    static InvalidInputException notInstalled(String pluginId) {
        return new InvalidInputException("plugin", "No plugin '" + pluginId + "' is installed");
    }

    private Installed place(PluginPackage plugin, Path temp, String name, String actor, boolean bundled) {
        Optional<PluginInstallation> existing = installations.find(plugin.id());
        if (existing.isPresent() && versions.compareVersions(plugin.version(), existing.get().version()) <= 0) {
            throw PluginPackageValidator.refused(name, "is plugin '" + plugin.id() + "' version " + plugin.version()
                    + ", but version " + existing.get().version() + " is already installed; upload a higher "
                    + "version to upgrade it");
        }
        Path target = properties.dir().resolve(plugin.installedFileName());
        if (existing.isPresent()) {
            host.unload(plugin.id());
        }
        try {
            PluginFiles.deleteInstalled(properties.dir(), plugin.installedFileName());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            transaction.executeWithoutResult(status -> {
                installations.save(plugin, bundled, actor);
                audit.record(actor, existing.isPresent() ? AuditAction.PLUGIN_UPGRADED : AuditAction.PLUGIN_INSTALLED,
                        plugin.id(), details(plugin, existing, name, bundled));
            });
        } catch (IOException | RuntimeException e) {
            deleteQuietly(target);
            existing.ifPresent(host::loadAndStart);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Could not move the plugin " + name + " into " + properties.dir(), io);
            }
            throw (RuntimeException) e;
        }
        if (existing.isPresent()) {
            deleteQuietly(properties.dir().resolve(existing.get().fileName()));
        }
        host.loadAndStart(installations.find(plugin.id()).orElseThrow());
        return new Installed(plugin.id(), plugin.version(), existing.map(PluginInstallation::version).orElse(null));
    }

    private void deleteQuietly(Path file) {
        try {
            PluginFiles.deleteInstalled(file.getParent(), file.getFileName().toString());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    private static Map<String, Object> details(PluginPackage plugin, Optional<PluginInstallation> existing,
            String name, boolean bundled) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", plugin.version());
        existing.ifPresent(previous -> details.put("previousVersion", previous.version()));
        details.put("sha256", plugin.sha256());
        details.put("file", name);
        details.put("bundled", bundled);
        return details;
    }

    private static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        return name.length() > 200 ? name.substring(0, 200) : name.isEmpty() ? "(unnamed file)" : name;
    }
}
