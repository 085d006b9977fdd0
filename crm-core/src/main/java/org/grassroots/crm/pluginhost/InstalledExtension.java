package org.grassroots.crm.pluginhost;

/**
 * One extension of a started plugin.
 *
 * @param point       the simple name of the extension point(s) it implements, for example {@code PetitionSource}
 * @param id          the extension's own id, unique within its plugin
 * @param displayName its name for people
 */
public record InstalledExtension(String point, String id, String displayName) {
}
