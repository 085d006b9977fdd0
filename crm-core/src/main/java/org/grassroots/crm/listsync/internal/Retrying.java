package org.grassroots.crm.listsync.internal;

import java.io.IOException;
import java.time.Duration;

import org.grassroots.crm.pluginhost.PluginFunction;
import org.grassroots.crm.plugin.api.email.EmailListProvider;

/** Calls a provider inside the job, retrying failures it reports as worth a retry ({@link IOException}). */
record Retrying(ListProvider list, int attempts, Duration delay) {

    <R> R call(String what, PluginFunction<EmailListProvider, R> work) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return list.callInJob(what, work);
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw new IOException(list.displayName() + " " + what + " failed " + attempts + " times: "
                            + e.getMessage(), e);
                }
                Thread.sleep(delay.multipliedBy(attempt).toMillis());
            }
        }
    }
}
