package org.grassroots.crm.listsync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.crm.listsync.internal.EmailListProviders;
import org.grassroots.crm.listsync.internal.ListProvider;
import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.pluginhost.PluginFunction;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The lists the engine sees in these tests: fake providers registered by each test, called directly (the plugin
 * host's barrier is tested with real plugins in the pluginhost tests).
 */
public final class FakeLists implements EmailListProviders {

    public static final String PLUGIN = "fake-lists";

    private final Map<String, EmailListProvider> fakes = new ConcurrentHashMap<>();

    public <P extends EmailListProvider> P add(P fake) {
        fakes.put(ListProvider.key(PLUGIN, fake.id()), fake);
        return fake;
    }

    public void remove(EmailListProvider fake) {
        fakes.remove(ListProvider.key(PLUGIN, fake.id()));
    }

    public static String key(EmailListProvider fake) {
        return ListProvider.key(PLUGIN, fake.id());
    }

    @Override
    public List<ListProvider> started() {
        List<ListProvider> started = new ArrayList<>();
        fakes.values().forEach(fake -> started.add(new Direct(fake)));
        started.sort((a, b) -> a.key().compareTo(b.key()));
        return started;
    }

    private record Direct(EmailListProvider fake) implements ListProvider {

        @Override
        public String key() {
            return ListProvider.key(PLUGIN, fake.id());
        }

        @Override
        public String pluginId() {
            return PLUGIN;
        }

        @Override
        public String extensionId() {
            return fake.id();
        }

        @Override
        public String displayName() {
            return fake.displayName();
        }

        @Override
        public <R> R call(String what, PluginFunction<EmailListProvider, R> work) {
            try {
                return work.apply(fake);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R, X extends Exception> R call(String what, Class<X> expected,
                PluginFunction<EmailListProvider, R> work) throws X {
            try {
                return work.apply(fake);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                if (expected.isInstance(e)) {
                    throw (X) e;
                }
                throw new IllegalStateException(e);
            }
        }

        @Override
        public <R> R callInJob(String what, PluginFunction<EmailListProvider, R> work) throws Exception {
            return work.apply(fake);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        FakeLists fakeLists() {
            return new FakeLists();
        }

        @Bean
        SyncWorld syncWorld(org.grassroots.crm.people.PersonService people,
                org.grassroots.crm.people.PersonEmailService emails,
                org.grassroots.crm.people.PersonPrivacyService privacy,
                org.grassroots.crm.listsync.internal.ListSyncEngine engine, FakeLists lists,
                org.springframework.jdbc.core.simple.JdbcClient jdbc, ListSyncService service) {
            return new SyncWorld(people, emails, privacy, engine, lists, jdbc, service);
        }
    }
}
