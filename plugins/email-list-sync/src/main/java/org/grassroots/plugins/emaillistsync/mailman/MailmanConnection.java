package org.grassroots.plugins.emaillistsync.mailman;

import java.net.URI;

import org.grassroots.crm.plugin.api.settings.PluginSettings;

/**
 * The saved Mailman connection, read from the settings at call time so a change applies to the next call.
 *
 * @param baseUrl  the REST API's base URL with its version and without a trailing slash
 * @param user     the REST admin user
 * @param password the REST admin password; never printed ({@link #toString()} leaves it out)
 * @param listId   the list's id, normalised ({@code supporters.example.org})
 */
record MailmanConnection(URI baseUrl, String user, String password, String listId) {

    /**
     * The connection in {@code settings}.
     *
     * @throws IllegalStateException naming the setting that is missing or unusable
     */
    static MailmanConnection from(PluginSettings settings) {
        String base = settings.require(MailmanSettings.BASE_URL).strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String list = settings.require(MailmanSettings.LIST_ID);
        String listId = MailmanSettings.normaliseListId(list).orElseThrow(() -> new IllegalStateException(
                "The Mailman list \"" + list + "\" is neither a list id nor a list address; fix it in the settings."));
        return new MailmanConnection(URI.create(base), settings.require(MailmanSettings.USER).strip(),
                settings.require(MailmanSettings.PASSWORD), listId);
    }

    @Override
    public String toString() {
        return "MailmanConnection[baseUrl=" + baseUrl + ", user=" + user + ", listId=" + listId + "]";
    }
}
