package org.grassroots.crm.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * What every Grassroots CRM extension point has in common: a stable id and a name for people.
 *
 * <p>An extension is a class annotated with {@link org.pf4j.Extension @Extension} that implements one of the
 * extension points of this API. The host creates it once per plugin start, through its <em>single public
 * constructor</em>, passing the ports that constructor declares (see {@link org.grassroots.crm.plugin.api the package
 * overview} for the allow-list). A constructor that asks for anything else makes the extension fail to load, with a
 * message naming the parameter.
 *
 * <p>Every call from the host into an extension runs with the plugin's class loader as the thread's context class
 * loader and behind a fault barrier: an exception, or a call that does not return within the host's time limit,
 * marks the plugin failed and is shown to the admin; the CRM keeps working.
 */
public interface CrmExtension extends ExtensionPoint {

    /**
     * The extension's id, unique within its plugin and stable across versions: settings, saved mappings, schedules
     * and job records refer to it. Lower-case letters, digits and dashes, for example {@code action-network-csv}.
     */
    String id();

    /** A short name shown to staff, for example "Action Network CSV". */
    String displayName();
}
