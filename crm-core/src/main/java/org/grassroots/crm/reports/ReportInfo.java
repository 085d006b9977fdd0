package org.grassroots.crm.reports;

/**
 * A report on the reports list: one {@link org.grassroots.crm.plugin.api.reports.Report} extension of a started
 * plugin.
 *
 * @param id          {@code <plugin id>.<extension id>}, the report's address in the reports screens
 * @param pluginId    the plugin that contributes it
 * @param name        the report's name
 * @param description one sentence about it
 */
public record ReportInfo(String id, String pluginId, String name, String description) {

    /** The report id of an extension: plugin and extension ids are lower-case letters, digits and dashes. */
    public static String id(String pluginId, String extensionId) {
        return pluginId + "." + extensionId;
    }
}
