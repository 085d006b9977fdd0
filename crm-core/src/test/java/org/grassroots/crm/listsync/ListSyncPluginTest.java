package org.grassroots.crm.listsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.email.WebhookRejectedException;
import org.grassroots.crm.plugin.api.email.WebhookRequest;
import org.grassroots.crm.pluginhost.PluginHostTestSupport;
import org.grassroots.crm.pluginhost.PluginStatus;
import org.grassroots.crm.pluginhost.TestPluginJars;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The list sync with a real plugin jar: its {@code EmailListProvider} is found as a list, scheduled while the plugin
 * runs, and called behind the fault barrier, so a rejected webhook leaves the plugin running and a throwing one fails
 * it (and its schedule goes).
 */
class ListSyncPluginTest extends PluginHostTestSupport {

    private static final String LIST = """
            import java.util.List;
            import org.grassroots.crm.plugin.api.email.*;
            import org.grassroots.crm.plugin.api.jobs.JobContext;
            import org.grassroots.crm.plugin.api.supporters.Segment;

            @org.pf4j.Extension
            public class TestList implements EmailListProvider {
                public String id() { return "list"; }
                public String displayName() { return "Test list"; }
                public boolean isConfigured() { return true; }
                public String sourceLabel() { return "test:list 42"; }
                public Segment segment() { return Segment.EVERYONE; }
                public String syncCron() { return "0 0 5 * * *"; }
                public ConnectionCheck testConnection() { return new ConnectionCheck(true, "Connected"); }
                public int maxBatchSize() { return 10; }
                public List<MemberOutcome> push(List<ListMember> members, JobContext job) { return List.of(); }
                public List<MemberOutcome> remove(List<RemoteMember> members, JobContext job) { return List.of(); }
                public PullPage pull(String cursor, long since) { return new PullPage(List.of(), null); }
                public List<RemoteStatusChange> parseWebhook(WebhookRequest request)
                        throws WebhookRejectedException {
                    if (new String(request.body(), java.nio.charset.StandardCharsets.UTF_8).equals("boom")) {
                        throw new IllegalStateException("boom");
                    }
                    if (!request.pathSecret().equals("s3cret")) {
                        throw new WebhookRejectedException("wrong secret", true);
                    }
                    return List.of();
                }
            }
            """;

    @Autowired
    ListSyncService service;

    @Autowired
    ListSyncWebhooks webhooks;

    @Test
    void aPluginsListIsFoundScheduledAndCalledBehindTheFaultBarrier() throws Exception {
        assertThat(upload(TestPluginJars.plugin("mail-test").source("TestList", LIST).writeJar(FILES)).status())
                .isEqualTo(PluginStatus.STARTED);

        assertThat(service.lists()).singleElement().satisfies(list -> {
            assertThat(list.key()).isEqualTo("mail-test:list");
            assertThat(list.displayName()).isEqualTo("Test list");
            assertThat(list.sourceLabel()).isEqualTo("test:list 42");
            assertThat(list.cron()).isEqualTo("0 0 5 * * *");
        });
        assertThat(service.testConnection("mail-test:list").message()).isEqualTo("Connected");
        assertThat(jobs.schedules).containsKey("list-sync:mail-test:list");
        assertThat(jobs.schedules.get("list-sync:mail-test:list").request().parameters())
                .containsEntry("listKey", "mail-test:list");

        assertThat(webhooks.receive("mail-test", "list", request("s3cret", ""))).contains(new WebhookReceipt(0, 0, 0));
        assertThatThrownBy(() -> webhooks.receive("mail-test", "list", request("guess", "")))
                .isInstanceOf(WebhookRejectedException.class);
        assertThat(plugin("mail-test").status()).isEqualTo(PluginStatus.STARTED);

        assertThatThrownBy(() -> webhooks.receive("mail-test", "list", request("s3cret", "boom")))
                .isInstanceOf(PluginUnavailableException.class).hasMessageContaining("boom");
        assertThat(plugin("mail-test").status()).isEqualTo(PluginStatus.FAILED);
        assertThat(jobs.schedules).doesNotContainKey("list-sync:mail-test:list");
        assertThat(webhooks.receive("mail-test", "list", request("s3cret", ""))).isEmpty();
    }

    private static WebhookRequest request(String secret, String body) {
        return new WebhookRequest("POST", secret, Map.of(), Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
