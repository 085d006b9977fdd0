package org.grassroots.plugins.emaillistsync.mailman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.grassroots.crm.plugin.api.email.ConnectionCheck;
import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.MemberOutcome;
import org.grassroots.crm.plugin.api.email.MemberOutcome.Result;
import org.grassroots.crm.plugin.api.email.PullPage;
import org.grassroots.crm.plugin.api.email.RemoteMember;
import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.grassroots.crm.plugin.api.testing.InMemoryPluginSettings;
import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.grassroots.plugins.emaillistsync.EmailListSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider against a real Mailman 3 core on this machine (Debian's {@code mailman3} package, which
 * {@code .ci/run} installs and starts). Skipped when no Mailman REST API answers. The connection is read from the
 * environment ({@code MAILMAN_REST_URL}, {@code MAILMAN_REST_USER}, {@code MAILMAN_REST_PASSWORD}) or else from the
 * {@code [webservice]} section of {@code /etc/mailman3/mailman.cfg} (readable by root and the {@code list} group),
 * at {@code http://127.0.0.1:<port>/<api_version>}. Each run makes its own domain and list and deletes them after.
 */
class MailmanRealServerTest {

    private static final Path CONFIG = Path.of("/etc/mailman3/mailman.cfg");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private static String baseUrl;
    private static String user;
    private static String password;
    private static String domain;
    private static String listId;

    /** Why the tests are skipped, or {@code null} when a Mailman REST API answered. */
    private static String unavailable;

    @BeforeAll
    static void connectAndCreateAList() throws Exception {
        Map<String, String> webservice = webservice();
        baseUrl = System.getenv().getOrDefault("MAILMAN_REST_URL",
                "http://127.0.0.1:" + webservice.getOrDefault("port", "8001") + "/"
                        + webservice.getOrDefault("api_version", "3.1"));
        user = System.getenv().getOrDefault("MAILMAN_REST_USER", webservice.get("admin_user"));
        password = System.getenv().getOrDefault("MAILMAN_REST_PASSWORD", webservice.get("admin_pass"));
        unavailable = unavailable();
        if (unavailable != null) {
            System.out.println("MailmanRealServerTest skipped: " + unavailable);
            return;
        }
        domain = "crm-test-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        assertThat(call("POST", "domains", Map.of("mail_host", domain)).statusCode()).isEqualTo(201);
        HttpResponse<String> list = call("POST", "lists", Map.of("fqdn_listname", "supporters@" + domain));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(201);
        listId = "supporters." + domain;
    }

    private static String unavailable() throws InterruptedException {
        if (user == null || password == null) {
            return "no Mailman REST credentials: set MAILMAN_REST_USER and MAILMAN_REST_PASSWORD, or make " + CONFIG
                    + " readable";
        }
        try {
            HttpResponse<String> versions = call("GET", "system/versions", Map.of());
            return versions.statusCode() == 200 ? null
                    : "Mailman at " + baseUrl + " answered " + versions.statusCode() + " to GET /system/versions";
        } catch (IOException e) {
            return "no Mailman REST API answers at " + baseUrl + " (" + e + ")";
        }
    }

    @BeforeEach
    void skipWithoutMailman() {
        assumeTrue(unavailable == null, unavailable);
    }

    @AfterAll
    static void deleteTheList() throws Exception {
        if (domain != null) {
            call("DELETE", "lists/" + listId, Map.of());
            call("DELETE", "domains/" + domain, Map.of());
        }
    }

    private MailmanProvider provider(String withPassword) {
        return new MailmanProvider(new InMemoryPluginSettings("email-list-sync", new EmailListSettings().fields())
                .set(MailmanSettings.BASE_URL, baseUrl)
                .set(MailmanSettings.USER, user)
                .set(MailmanSettings.PASSWORD, withPassword)
                // the address form, which the provider turns into the list id
                .set(MailmanSettings.LIST_ID, "supporters@" + domain));
    }

    @Test
    void pushesPullsAndRemovesMembersForReal() throws Exception {
        MailmanProvider provider = provider(password);
        RecordingJobContext job = new RecordingJobContext();
        String ann = "ann+" + domain.substring(9, 17) + "@example.com";
        String bo = "bo@example.com";

        List<MemberOutcome> added =
                provider.push(List.of(member(ann, true, "Ann", "Bee"), member(bo, true, "Bo", null)), job);
        assertThat(added).extracting(MemberOutcome::result).containsExactly(Result.ADDED, Result.ADDED);
        assertThat(added).allSatisfy(outcome -> assertThat(outcome.remoteId()).matches("[0-9a-f]{32}|[0-9]+"));

        List<MemberOutcome> again = provider.push(List.of(member(ann, true, "Ann", "Bee")), job);
        assertThat(again).containsExactly(new MemberOutcome(ann, Result.UPDATED, null, added.get(0).remoteId()));
        assertThat(provider.testConnection())
                .isEqualTo(new ConnectionCheck(true, "Connected to list 'Supporters' (2 members)"));

        assertThat(pullAll(provider)).extracting(RemoteStatusChange::email, RemoteStatusChange::status)
                .containsExactly(tuple(ann, RemoteStatus.SUBSCRIBED),
                        tuple(bo, RemoteStatus.SUBSCRIBED));

        HttpResponse<String> disabled = call("PATCH", "members/" + added.get(1).remoteId() + "/preferences",
                Map.of("delivery_status", "by_bounces"));
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(204);
        List<RemoteStatusChange> withBounce = pullAll(provider);
        assertThat(withBounce.getLast().email()).isEqualTo(bo);
        assertThat(withBounce.getLast().status()).isEqualTo(RemoteStatus.BOUNCED);

        assertThat(provider.push(List.of(member(ann, false, null, null)), job))
                .containsExactly(new MemberOutcome(ann, Result.REMOVED, null, added.get(0).remoteId()));
        RemoteMember erased = new RemoteMember("sha-of-bo", added.get(1).remoteId());
        assertThat(provider.remove(List.of(erased), job)).extracting(MemberOutcome::result)
                .containsExactly(Result.REMOVED);
        // a second time: Mailman answers 404, which still counts as removed
        assertThat(provider.remove(List.of(erased), job)).extracting(MemberOutcome::result)
                .containsExactly(Result.REMOVED);

        assertThat(pullAll(provider)).isEmpty();
    }

    @Test
    void aWrongPasswordIsReportedInWords() {
        ConnectionCheck check = provider("not-the-password").testConnection();

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).startsWith("Mailman refused the REST admin user or password (401)");
    }

    private static List<RemoteStatusChange> pullAll(MailmanProvider provider) throws IOException {
        List<RemoteStatusChange> changes = new ArrayList<>();
        String cursor = null;
        do {
            PullPage page = provider.pull(cursor, 0);
            changes.addAll(page.changes());
            cursor = page.nextCursor();
        } while (cursor != null);
        return changes;
    }

    private static ListMember member(String email, boolean subscribed, String first, String last) {
        return new ListMember(email, subscribed, first, last, null, null, Set.of());
    }

    private static Map<String, String> webservice() {
        Map<String, String> values = new HashMap<>();
        try {
            boolean inSection = false;
            for (String line : Files.readAllLines(CONFIG)) {
                String text = line.strip();
                if (text.startsWith("[")) {
                    inSection = text.equals("[webservice]");
                } else if (inSection && !text.startsWith("#") && text.contains(":")) {
                    int colon = text.indexOf(':');
                    values.put(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
                }
            }
        } catch (IOException | SecurityException e) {
            // no readable Debian config: the environment must say, else the test is skipped
        }
        return values;
    }

    private static HttpResponse<String> call(String method, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, form.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
