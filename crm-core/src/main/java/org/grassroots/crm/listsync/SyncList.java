package org.grassroots.crm.listsync;

import org.jspecify.annotations.Nullable;

/**
 * A list the CRM syncs: one started e-mail list extension of a plugin.
 *
 * @param key         {@code <plugin id>:<extension id>}, the list's id in every other call
 * @param pluginId    the plugin
 * @param extensionId the extension within the plugin
 * @param displayName the extension's name, for example "Mailchimp"
 * @param sourceLabel the remote list's label as the subscription history shows it, for example
 *                    {@code mailchimp:list 1a2b3c}
 * @param configured  whether the plugin's settings for it are filled in; when not, point staff to the settings
 * @param cron        the schedule it syncs on by itself (six fields, UTC), or null for "by hand only"
 * @param lastRun     the newest run, or null
 */
public record SyncList(String key, String pluginId, String extensionId, String displayName, String sourceLabel,
        boolean configured, @Nullable String cron, @Nullable SyncRun lastRun) {
}
