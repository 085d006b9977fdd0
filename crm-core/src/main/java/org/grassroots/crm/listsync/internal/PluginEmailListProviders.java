package org.grassroots.crm.listsync.internal;

import java.util.List;

import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginExtension;
import org.grassroots.crm.pluginhost.PluginFunction;
import org.springframework.stereotype.Component;

/** The lists of the started plugins, called through the plugin host's fault barrier. */
@Component
class PluginEmailListProviders implements EmailListProviders {

    private final PluginCalls plugins;

    PluginEmailListProviders(PluginCalls plugins) {
        this.plugins = plugins;
    }

    @Override
    public List<ListProvider> started() {
        return plugins.extensions(EmailListProvider.class).stream().<ListProvider>map(Barriered::new).toList();
    }

    private final class Barriered implements ListProvider {

        private final PluginExtension<EmailListProvider> extension;

        Barriered(PluginExtension<EmailListProvider> extension) {
            this.extension = extension;
        }

        @Override
        public String key() {
            return ListProvider.key(extension.pluginId(), extension.extensionId());
        }

        @Override
        public String pluginId() {
            return extension.pluginId();
        }

        @Override
        public String extensionId() {
            return extension.extensionId();
        }

        @Override
        public String displayName() {
            return extension.displayName();
        }

        @Override
        public <R> R call(String what, PluginFunction<EmailListProvider, R> work) {
            return plugins.call(extension, what, work);
        }

        @Override
        public <R, X extends Exception> R call(String what, Class<X> expected,
                PluginFunction<EmailListProvider, R> work) throws X {
            return plugins.call(extension.pluginId(), extension.extension(), what, expected, work);
        }

        @Override
        public <R> R callInJob(String what, PluginFunction<EmailListProvider, R> work) throws Exception {
            return plugins.callInJob(extension.pluginId(), extension.extension(), what, work);
        }
    }
}
