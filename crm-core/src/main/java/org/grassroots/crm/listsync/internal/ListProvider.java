package org.grassroots.crm.listsync.internal;

import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.pluginhost.PluginFunction;
import org.jspecify.annotations.Nullable;

/**
 * One list: a started {@link EmailListProvider} and the way to call it. The engine never calls the extension
 * directly; every call goes through here, so in the application it passes the plugin host's fault barrier.
 */
public interface ListProvider {

    /** {@code <plugin id>:<extension id>}. */
    String key();

    String pluginId();

    String extensionId();

    String displayName();

    /** A short call (settings, labels) within the host's time box; any exception fails the plugin. */
    <R> R call(String what, PluginFunction<EmailListProvider, R> work);

    /**
     * A short call whose documented exception of type {@code expected} reaches the caller and leaves the plugin
     * running (a webhook the provider rejects).
     */
    <R, X extends Exception> R call(String what, Class<X> expected, PluginFunction<EmailListProvider, R> work)
            throws X;

    /** A call inside the sync job: no time box, every exception is the job's (the plugin keeps running). */
    <R> R callInJob(String what, PluginFunction<EmailListProvider, R> work) throws Exception;

    /** The key of a list: {@code <plugin id>:<extension id>}. */
    static String key(String pluginId, String extensionId) {
        return pluginId + ":" + extensionId;
    }

    /** The cron the list syncs on by itself, or null. */
    default @Nullable String syncCron() {
        String cron = call("syncCron", EmailListProvider::syncCron);
        return cron == null || cron.isBlank() ? null : cron.strip();
    }
}
