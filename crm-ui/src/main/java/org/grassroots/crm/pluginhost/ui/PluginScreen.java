package org.grassroots.crm.pluginhost.ui;

import java.lang.reflect.InvocationTargetException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.ui.ViewContribution;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginExtension;

/**
 * A screen a started plugin contributes, at {@code plugins/<plugin id>/<route>} inside the main layout. Anyone
 * signed in may reach the route; the contribution's {@code roles()} decide who sees the screen, and everyone else,
 * like any address that leads nowhere, gets "not found". The plugin's view is created on the UI thread behind the
 * fault barrier, so a view that cannot be created fails its plugin and leaves a message here.
 */
@Route("plugins/:pluginId/:screen")
@PermitAll
class PluginScreen extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PluginScreens screens;
    private final PluginCalls calls;
    private String title = "";

    PluginScreen(PluginScreens screens, PluginCalls calls) {
        this.screens = screens;
        this.calls = calls;
        addClassName("plugin-screen");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String pluginId = event.getRouteParameters().get("pluginId").orElse("");
        String route = event.getRouteParameters().get("screen").orElse("");
        screens.find(pluginId, route).ifPresentOrElse(this::show,
                () -> event.rerouteToError(NotFoundException.class));
    }

    private void show(PluginExtension<ViewContribution> contribution) {
        removeAll();
        title = contribution.displayName();
        try {
            add(calls.callOnThisThread(contribution, "create view " + contribution.extensionId(),
                    PluginScreen::createView));
        } catch (PluginUnavailableException failed) {
            String reason = calls.failure(contribution.pluginId()).orElse(failed.getMessage());
            Paragraph message = new Paragraph("This screen belongs to plugin " + contribution.pluginId()
                    + ", which failed: " + reason + ". An admin can restart it under Plugins.");
            message.addClassName("plugin-screen-failure");
            add(message);
        }
    }

    private static Component createView(ViewContribution contribution) throws Exception {
        Class<?> type = Class.forName(contribution.viewClassName(), true, contribution.getClass().getClassLoader());
        if (!Component.class.isAssignableFrom(type)) {
            throw new IllegalStateException(type.getName() + " is not a Vaadin Component");
        }
        try {
            return (Component) type.getConstructor().newInstance();
        } catch (InvocationTargetException thrown) {
            if (thrown.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (thrown.getCause() instanceof Error error) {
                throw error;
            }
            throw thrown;
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
