package org.grassroots.crm.plugin.api.ui;

import java.util.Set;

import org.grassroots.crm.plugin.api.CrmExtension;

/**
 * Extension point, optional: a screen of the plugin's own. Most plugins need none, because core renders import,
 * settings, sync and report screens from the other extension points. The view class must be a Vaadin Flow
 * {@code Component} with a public no-argument constructor, compiled against the CRM's Vaadin version ({@code provided});
 * the host is to register it at runtime under {@code plugins/<plugin id>/<route>} inside the CRM's main layout,
 * reachable only by the declared roles, and remove it when the plugin stops. <strong>The 1.0 host lists these
 * extensions on the Plugins screen but does not mount them yet.</strong>
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
