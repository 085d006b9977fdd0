package org.grassroots.crm.pluginhost.ui;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.pluginhost.InstallResult;
import org.grassroots.crm.pluginhost.InstalledExtension;
import org.grassroots.crm.pluginhost.InstalledPlugin;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.pluginhost.PluginStatus;
import org.grassroots.crm.plugin.api.PluginApi;
import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.Feedback;

/**
 * Installed plugins for admins: what each one is, whether it runs (and why not), its extensions and settings; upload,
 * enable, disable, restart and uninstall.
 */
@Route("plugins")
@PageTitle("Plugins")
@Menu(order = 95, icon = "vaadin:plug")
@RolesAllowed(Role.ADMIN_NAME)
class PluginsView extends VerticalLayout {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final PluginAdminService plugins;
    private final PluginSettingsDialog.Opener settings;
    final Upload upload;
    final Grid<InstalledPlugin> grid = new Grid<>();

    PluginsView(PluginAdminService plugins, PluginSettingsDialog.Opener settings) {
        this.plugins = plugins;
        this.settings = settings;
        addClassName("plugins-view");
        setSizeFull();

        Paragraph intro = new Paragraph("Plugins add petition sources, email list providers, reports and export"
                + " formats. Upload a jar or zip built for plugin API " + PluginApi.VERSION + ": it is checked"
                + " before any of its code runs, and a plugin that fails is switched off without stopping the CRM.");
        intro.getStyle().set("margin", "0").set("flex-grow", "1").set("max-width", "60rem");
        upload = new Upload(UploadHandler.toTempFile((metadata, file) -> install(metadata.fileName(), file)));
        upload.setAcceptedFileTypes(".jar", ".zip");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, plugins.maxUploadBytes()));
        upload.setUploadButton(new Button("Upload plugin"));
        upload.setDropLabel(new Span("or drop a .jar or .zip here"));
        upload.addFileRejectedListener(event -> Feedback.error(event.getFileName() + " was not uploaded: "
                + event.getErrorMessage() + " (at most " + megabytes(plugins.maxUploadBytes()) + ", .jar or .zip)"));
        HorizontalLayout toolbar = new HorizontalLayout(intro, upload);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWrap(true);

        configureGrid();
        add(toolbar, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setWidthFull();
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(PluginsView::identity).setKey("plugin").setHeader("Plugin").setFlexGrow(3);
        grid.addColumn(InstalledPlugin::version).setKey("version").setHeader("Version").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(plugin -> plugin.provider() == null ? "" : plugin.provider()).setKey("provider")
                .setHeader("Provider").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(PluginsView::status).setKey("status").setHeader("State").setFlexGrow(2);
        grid.addComponentColumn(PluginsView::extensions).setKey("extensions").setHeader("Extensions").setFlexGrow(2);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(PluginsView::installation));
        grid.setEmptyStateText("No plugins are installed. Upload a plugin jar or zip above; the plugins that come"
                + " with the CRM appear here after its first start.");
    }

    private void install(String fileName, File file) {
        try (InputStream data = Files.newInputStream(file.toPath())) {
            InstallResult result = plugins.install(fileName, data);
            if (result.status() == PluginStatus.FAILED) {
                Feedback.error("Installed " + result.pluginId() + " " + result.version() + ", but it failed to start: "
                        + result.failureReason());
            } else {
                Feedback.success((result.upgraded() ? "Upgraded " + result.pluginId() + " from "
                        + result.previousVersion() + " to " + result.version()
                        : "Installed " + result.pluginId() + " " + result.version()) + " ("
                        + result.status().label().toLowerCase(Locale.ROOT) + ").");
            }
        } catch (InvalidInputException refused) {
            Feedback.error(refused.getMessage());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } finally {
            file.delete();
            upload.clearFileList();
            refresh();
        }
    }

    private Component actions(InstalledPlugin plugin) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        buttons.getStyle().set("gap", "var(--lumo-space-xs)");
        if (plugin.extensions().stream().anyMatch(extension -> extension.point().equals("SettingsDescriptor"))) {
            buttons.add(small("Settings", event -> settings.open(plugin.id(), this::refresh)));
        }
        plugin.extensions().stream().filter(extension -> extension.point().equals("ScheduledTask"))
                .forEach(task -> buttons.add(small("Run " + task.displayName() + " now", event -> runNow(plugin,
                        task))));
        if (plugin.status() == PluginStatus.FAILED) {
            buttons.add(small("Restart", event -> change(plugin, "restarted", plugins::restart)));
        }
        if (plugin.status() == PluginStatus.DISABLED) {
            buttons.add(small("Enable", event -> change(plugin, "enabled", plugins::enable)));
        } else {
            buttons.add(small("Disable", event -> change(plugin, "disabled", plugins::disable)));
        }
        Button uninstall = small("Uninstall", event -> confirmUninstall(plugin));
        uninstall.addThemeVariants(ButtonVariant.ERROR);
        buttons.add(uninstall);
        // each row repeats the same words; the accessible name says which plugin a button acts on
        buttons.getChildren().forEach(button -> button.getElement().setAttribute("aria-label",
                ((Button) button).getText() + " " + plugin.id()));
        return buttons;
    }

    private void change(InstalledPlugin plugin, String done, Function<String, InstalledPlugin> action) {
        try {
            InstalledPlugin changed = action.apply(plugin.id());
            if (changed.status() == PluginStatus.FAILED) {
                Feedback.error(plugin.id() + " failed: " + changed.failureReason());
            } else {
                Feedback.success(plugin.id() + " " + done + ".");
            }
        } catch (InvalidInputException | PluginUnavailableException refused) {
            Feedback.error(refused.getMessage());
        }
        refresh();
    }

    private void runNow(InstalledPlugin plugin, InstalledExtension task) {
        try {
            long jobId = plugins.runNow(plugin.id(), task.id());
            Feedback.success(task.displayName() + " started as job #" + jobId + "; follow it on the Jobs screen.");
        } catch (InvalidInputException refused) {
            Feedback.error(refused.getMessage());
            refresh();
        }
    }

    private void confirmUninstall(InstalledPlugin plugin) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Uninstall " + plugin.id() + "?");
        confirm.setText("The plugin is stopped and its file removed; its settings and stored data are deleted."
                + " Tables it created in the database are kept" + (plugin.bundled()
                ? ". It came with the CRM, so it is installed again at the next restart; disable it to keep it off."
                : "."));
        confirm.setCancelable(true);
        confirm.setConfirmText("Uninstall");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            plugins.uninstall(plugin.id());
            Feedback.success("Uninstalled " + plugin.id() + ".");
            refresh();
        });
        confirm.open();
    }

    void refresh() {
        grid.setItems(plugins.list());
    }

    private static Component identity(InstalledPlugin plugin) {
        Span id = new Span(plugin.id());
        id.getStyle().set("font-weight", "600");
        Div description = new Div(plugin.description());
        description.addClassName("muted");
        return new Div(id, description);
    }

    private static Component status(InstalledPlugin plugin) {
        Badge badge = new Badge(plugin.status().label());
        badge.addThemeVariants(switch (plugin.status()) {
            case STARTED -> BadgeVariant.SUCCESS;
            case FAILED -> BadgeVariant.ERROR;
            case DISABLED, STOPPED -> BadgeVariant.CONTRAST;
        });
        if (plugin.failureReason() == null) {
            return badge;
        }
        Div reason = new Div(plugin.failureReason());
        reason.addClassName("plugin-failure");
        return new Div(badge, reason);
    }

    private static Component extensions(InstalledPlugin plugin) {
        Div list = new Div();
        if (plugin.extensions().isEmpty()) {
            list.setText(plugin.status() == PluginStatus.STARTED ? "None" : "Shown while running");
            list.addClassName("muted");
        }
        for (InstalledExtension extension : plugin.extensions()) {
            list.add(new Div(extension.displayName() + " · " + extension.point()));
        }
        return list;
    }

    private static Component installation(InstalledPlugin plugin) {
        Div facts = new Div();
        facts.addClassName("plugin-installation");
        facts.add(new Div((plugin.bundled() ? "Came with the CRM" : "Uploaded") + " · installed by "
                        + plugin.installedBy() + " on " + DATE_TIME.format(plugin.installedAt())),
                new Div("Requires plugin API " + plugin.requires() + " (this CRM offers " + PluginApi.VERSION + ")"),
                new Div("SHA-256 " + plugin.sha256()));
        return facts;
    }

    private static Button small(String text, ComponentEventListener<ClickEvent<Button>> listener) {
        Button button = new Button(text, listener);
        button.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        return button;
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
