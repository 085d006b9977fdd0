package org.grassroots.crm.pluginhost.internal;

/**
 * A saved secret that the current key cannot decrypt: the key was replaced or lost, or the row was tampered with.
 * The message tells the admin what to do; the plugin sees an {@link IllegalStateException}.
 */
public class UnreadableSecretException extends IllegalStateException {

    private final String key;

    UnreadableSecretException(String pluginId, String key, String label, Throwable cause) {
        super("The secret setting \"" + label + "\" of plugin " + pluginId
                + " cannot be decrypted with the current key; re-enter it on the plugin's settings form.", cause);
        this.key = key;
    }

    /** The setting's key. */
    public String key() {
        return key;
    }
}
