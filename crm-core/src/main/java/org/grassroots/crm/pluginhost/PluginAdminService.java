package org.grassroots.crm.pluginhost;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.plugin.api.jobs.ScheduledTask;
import org.grassroots.crm.pluginhost.internal.LivePlugin;
import org.grassroots.crm.pluginhost.internal.PluginHost;
import org.grassroots.crm.pluginhost.internal.PluginInstallation;
import org.grassroots.crm.pluginhost.internal.PluginInstallationRepository;
import org.grassroots.crm.pluginhost.internal.PluginInstaller;
import org.grassroots.crm.pluginhost.internal.PluginScheduledTasks;
import org.grassroots.crm.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What admins do with plugins: see them, upload (install or upgrade), enable, disable, restart and uninstall.
 * Admins only, here and on the screen. Every change is audited; a refused upload too, with the reason.
 */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class PluginAdminService {

    private final PluginHost host;
    private final PluginInstaller installer;
    private final PluginInstallationRepository installations;
    private final AuditLog audit;
    private final PluginCalls calls;
    private final JobService jobs;
    private final TransactionTemplate transaction;

    PluginAdminService(PluginHost host, PluginInstaller installer, PluginInstallationRepository installations,
            AuditLog audit, PluginCalls calls, JobService jobs, PlatformTransactionManager transactions) {
        this.host = host;
        this.installer = installer;
        this.installations = installations;
        this.audit = audit;
        this.calls = calls;
        this.jobs = jobs;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Every installed plugin with its current state, by id. */
    @RolesAllowed(Role.ADMIN_NAME)
    public List<InstalledPlugin> list() {
        return installations.findAll().stream().map(this::describe).toList();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public Optional<InstalledPlugin> find(String pluginId) {
        return installations.find(pluginId).map(this::describe);
    }

    /** The largest file {@link #install} accepts, in bytes, for the upload control. */
    @RolesAllowed(Role.ADMIN_NAME)
    public long maxUploadBytes() {
        return host.properties().maxSize().toBytes();
    }

    /**
     * Installs an uploaded plugin jar or zip, or upgrades an installed plugin to a higher version, then starts it
     * (an upgrade stays disabled if the plugin was). A plugin that installs but fails to start is reported in the
     * result, not thrown.
     *
     * @param fileName the uploaded file's name
     * @param data     the file's bytes; read at most up to the size limit, and closed
     * @throws InvalidInputException (field {@code file}) naming the file and the problem; nothing is installed
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public InstallResult install(String fileName, InputStream data) {
        PluginInstaller.Installed installed;
        try {
            installed = installer.install(fileName, data, currentUser(), false);
        } catch (InvalidInputException refused) {
            audit.record(new AuditEntry(null, AuditAction.PLUGIN_REJECTED, "plugin-file", null, null,
                    Map.of("file", String.valueOf(fileName), "reason", refused.getMessage())));
            throw refused;
        }
        InstalledPlugin plugin = find(installed.pluginId()).orElseThrow();
        return new InstallResult(plugin.id(), plugin.version(), installed.previousVersion(), plugin.status(),
                plugin.failureReason());
    }

    /**
     * Runs a started plugin's scheduled task now, outside its schedule, as a job of the signed-in admin (watch it on
     * the Jobs screen).
     *
     * @return the job's id
     * @throws InvalidInputException (field {@code task}) when the plugin is not running or has no such task
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public long runNow(String pluginId, String taskId) {
        PluginExtension<ScheduledTask> task = calls.extension(ScheduledTask.class, pluginId, taskId)
                .orElseThrow(() -> new InvalidInputException("task",
                        "Plugin " + pluginId + " is not running or has no scheduled task '" + taskId + "'."));
        return jobs.submit(new JobRequest(PluginScheduledTasks.jobType(pluginId, taskId), task.displayName(),
                Map.of()));
    }

    /** Starts a disabled plugin and keeps it enabled across restarts. */
    @RolesAllowed(Role.ADMIN_NAME)
    public InstalledPlugin enable(String pluginId) {
        PluginInstallation installation = installed(pluginId);
        changeFlag(installation, true, AuditAction.PLUGIN_ENABLED);
        if (host.isOpen()) {
            host.enable(pluginId);
        }
        return find(pluginId).orElseThrow();
    }

    /** Stops a plugin and keeps it off across restarts; its schedules are removed. */
    @RolesAllowed(Role.ADMIN_NAME)
    public InstalledPlugin disable(String pluginId) {
        PluginInstallation installation = installed(pluginId);
        changeFlag(installation, false, AuditAction.PLUGIN_DISABLED);
        if (host.isOpen()) {
            host.disable(pluginId);
        }
        return find(pluginId).orElseThrow();
    }

    /** Unloads a plugin and loads it again from its file, for example after it failed. */
    @RolesAllowed(Role.ADMIN_NAME)
    public InstalledPlugin restart(String pluginId) {
        PluginInstallation installation = installed(pluginId);
        if (host.isOpen()) {
            host.reload(pluginId);
        }
        InstalledPlugin plugin = find(pluginId).orElseThrow();
        audit.record(AuditEntry.of(AuditAction.PLUGIN_RESTARTED, "plugin", pluginId, Map.of(
                "version", installation.version(), "sha256", installation.sha256(),
                "status", plugin.status().name())));
        return plugin;
    }

    /** Stops and removes a plugin with its file; the host's lifecycle hooks remove what they kept for it. */
    @RolesAllowed(Role.ADMIN_NAME)
    public void uninstall(String pluginId) {
        installer.uninstall(installed(pluginId).pluginId(), currentUser());
    }

    private void changeFlag(PluginInstallation installation, boolean enabled, AuditAction action) {
        transaction.executeWithoutResult(status -> {
            if (installations.setEnabled(installation.pluginId(), enabled)) {
                audit.record(AuditEntry.of(action, "plugin", installation.pluginId(), Map.of(
                        "version", installation.version(), "sha256", installation.sha256())));
            }
        });
    }

    private PluginInstallation installed(String pluginId) {
        return installations.find(pluginId).orElseThrow(() -> new InvalidInputException("plugin",
                "No plugin '" + pluginId + "' is installed"));
    }

    private InstalledPlugin describe(PluginInstallation installation) {
        List<InstalledExtension> extensions = host.live(installation.pluginId())
                .map(PluginAdminService::extensionsOf).orElse(List.of());
        PluginStatus status = host.status(installation);
        return new InstalledPlugin(installation.pluginId(), installation.description(), installation.version(),
                installation.provider(), installation.requires(), status,
                status == PluginStatus.FAILED ? host.failure(installation.pluginId()).orElse(null) : null,
                extensions, installation.bundled(), installation.installedBy(), installation.installedAt(),
                installation.sha256());
    }

    private static List<InstalledExtension> extensionsOf(LivePlugin plugin) {
        return plugin.extensions().stream()
                .map(extension -> new InstalledExtension(extension.points(), extension.id(), extension.displayName()))
                .toList();
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication.getName() == null ? "system" : authentication.getName();
    }
}
