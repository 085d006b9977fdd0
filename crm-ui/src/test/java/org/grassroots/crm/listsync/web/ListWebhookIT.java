package org.grassroots.crm.listsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.grassroots.crm.listsync.FakeEmailList;
import org.grassroots.crm.listsync.FakeLists;
import org.grassroots.crm.listsync.SyncWorld;
import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The webhook URL over real HTTP, without a login or a CSRF token, into the list sync with a fake provider. An
 * integration test (failsafe, like the browser tests): run among the surefire tests, the browserless view tests that
 * came after its running server in the same JVM lost their signed-in user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FakeLists.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class ListWebhookIT {

    @LocalServerPort
    int port;

    @Autowired
    SyncWorld world;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aProviderPostsAChangeWithoutLoggingInAndItIsAppliedOnce(CapturedOutput output) throws Exception {
        String tag = SyncWorld.unique("hook");
        FakeEmailList list = world.list(tag);
        long personId = world.person(tag).id();
        world.sync(list);
        String email = world.email(personId);
        RemoteStatusChange unsubscribe = list.remoteChange(email, RemoteStatus.UNSUBSCRIBED, "one click");
        byte[] body = FakeEmailList.webhook(FakeEmailList.SECRET, List.of(unsubscribe)).body();

        HttpResponse<String> first = post(list.id(), FakeEmailList.SECRET, body);
        HttpResponse<String> again = post(list.id(), FakeEmailList.SECRET, body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(world.status(email)).isEqualTo("UNSUBSCRIBED");
        assertThat(world.jdbc.sql("SELECT count(*) FROM subscription_event WHERE email = ? AND status = 'UNSUBSCRIBED'")
                .param(email).query(Long.class).single()).isEqualTo(1);
        assertThat(output).contains("1 already applied").doesNotContain(FakeEmailList.SECRET);
    }

    @Test
    void aWrongSecretIsForbiddenAnUnreadableCallIsBadAndAnUnknownListIsNotFound(CapturedOutput output)
            throws Exception {
        FakeEmailList list = world.list(SyncWorld.unique("hook"));
        byte[] garbage = "not,a,webhook".getBytes(StandardCharsets.UTF_8);

        assertThat(post(list.id(), "guessed-secret", new byte[0]).statusCode()).isEqualTo(403);
        assertThat(post(list.id(), FakeEmailList.SECRET, garbage).statusCode()).isEqualTo(400);
        assertThat(post("no-such-list", FakeEmailList.SECRET, new byte[0]).statusCode()).isEqualTo(404);
        HttpResponse<String> check = http.send(HttpRequest.newBuilder(url(list.id(), FakeEmailList.SECRET)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(output).doesNotContain(FakeEmailList.SECRET).doesNotContain("guessed-secret");
    }

    private HttpResponse<String> post(String extensionId, String secret, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(url(extensionId, secret)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String extensionId, String secret) {
        return URI.create("http://localhost:" + port + "/hooks/lists/" + FakeLists.PLUGIN + "/" + extensionId + "/"
                + secret);
    }
}
