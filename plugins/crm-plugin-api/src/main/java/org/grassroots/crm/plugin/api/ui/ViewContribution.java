package org.grassroots.crm.plugin.api.ui;

import java.util.Set;

import org.grassroots.crm.plugin.api.CrmExtension;

/**
 * Extension point, optional: a screen of the plugin's own. Most plugins need none, because core renders import,
 * settings, sync and report screens from the other extension points. The view class must be a Vaadin Flow
 * {@code Component} with a public no-argument constructor, compiled against the CRM's Vaadin version ({@code provided}).
 *
 * <p>While the plugin runs, the host shows the view at {@code plugins/<plugin id>/<route>} inside the CRM's main
 * layout, with the {@link #displayName()} as page title and as an entry in the side menu, to users holding one of
 * the {@link #roles()}; for everyone else, and for everyone once the plugin stops, the address is "not found", like
 * any address that leads nowhere. The host creates a new instance of the view on each visit, on the UI thread,
 * loading the class with the plugin's class loader, behind the fault barrier: if the class is missing, is not a
 * {@code Component}, or its constructor throws, the plugin is marked failed and the page says so. Code the view runs
 * later (listeners, for example) runs outside the barrier, in the CRM's UI.
 */
public interface ViewContribution extends CrmExtension {

    /** The route below {@code plugins/<plugin id>/}; lower-case letters, digits and dashes. */
    String route();

    /** The fully qualified name of the view class inside the plugin. */
    String viewClassName();

    /**
     * The roles that may open the view, by name ({@code ADMIN}, {@code ORGANIZER}, {@code FUNDRAISER},
     * {@code VOLUNTEER_COORDINATOR}, {@code ANALYST}); must not be empty.
     */
    Set<String> roles();
}
