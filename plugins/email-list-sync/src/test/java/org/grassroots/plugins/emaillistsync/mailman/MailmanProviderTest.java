package org.grassroots.plugins.emaillistsync.mailman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider against {@link FakeMailman}, which answers as Mailman core's REST API 3.1 does. */
class MailmanProviderTest {

    private static final String LIST = "supporters.example.org";
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private FakeMailman mailman;
    private InMemoryPluginSettings settings;
    private MailmanProvider provider;
    private final RecordingJobContext job = new RecordingJobContext();

    @BeforeEach
    void start() throws IOException {
        mailman = new FakeMailman().list(LIST, "Supporters");
        settings = new InMemoryPluginSettings("email-list-sync", new EmailListSettings().fields())
                .set(MailmanSettings.BASE_URL, mailman.baseUrl())
                .set(MailmanSettings.USER, FakeMailman.USER)
                .set(MailmanSettings.PASSWORD, FakeMailman.PASSWORD)
                .set(MailmanSettings.LIST_ID, "Supporters@example.org");
        provider = provider(3);
    }

    @AfterEach
    void stop() {
        mailman.close();
    }

    private MailmanProvider provider(int attempts) {
        return new MailmanProvider(settings, new MailmanHttp(Duration.ofSeconds(1), TIMEOUT,
                new MailmanHttp.Retry(attempts, Duration.ofMillis(10), Duration.ofMillis(50)), 4),
                Clock.fixed(NOW, ZoneOffset.UTC), 2);
    }

    private static ListMember subscribed(String email, String first, String last) {
        return new ListMember(email, true, first, last, "50309", "IA", Set.of("volunteer"));
    }

    private static ListMember unsubscribed(String email) {
        return new ListMember(email, false, null, null, null, null, Set.of());
    }

    @Test
    void describesItselfFromTheSettings() {
        assertThat(provider.id()).isEqualTo("mailman");
        assertThat(provider.displayName()).isEqualTo("Mailman 3");
        assertThat(provider.isConfigured()).isTrue();
        assertThat(provider.sourceLabel()).isEqualTo("mailman:list supporters.example.org");
        assertThat(provider.maxBatchSize()).isEqualTo(100);
        assertThat(provider.maxConcurrentCalls()).isEqualTo(4);

        settings.set(MailmanSettings.SEGMENT.statesKey(), "ia, nh")
                .set(MailmanSettings.SEGMENT.scheduleKey(), "0 0 3 * * *");
        assertThat(provider.segment().states()).containsExactlyInAnyOrder("IA", "NH");
        assertThat(provider.syncCron()).isEqualTo("0 0 3 * * *");

        settings.clear(MailmanSettings.PASSWORD);
        assertThat(provider.isConfigured()).isFalse();
        assertThat(provider.testConnection().ok()).isFalse();
    }

    @Test
    void subscribesPreVerifiedWithoutWelcomeAndKeepsTheMemberId() throws IOException {
        List<MemberOutcome> outcomes = provider.push(List.of(subscribed("ann+news@example.com", "Ann", "Bee")), job);

        FakeMailman.Member member = mailman.member(LIST, "ann+news@example.com");
        assertThat(member).isNotNull();
        assertThat(member.displayName).isEqualTo("Ann Bee");
        assertThat(outcomes).containsExactly(
                new MemberOutcome("ann+news@example.com", Result.ADDED, null, member.id));
        FakeMailman.Received post = mailman.received("POST", "/3.1/members").getFirst();
        assertThat(post.form()).containsEntry("list_id", LIST)
                .containsEntry("subscriber", "ann+news@example.com")
                .containsEntry("display_name", "Ann Bee")
                .containsEntry("pre_verified", "true")
                .containsEntry("pre_confirmed", "true")
                .containsEntry("pre_approved", "true")
                .containsEntry("send_welcome_message", "false");
    }

    @Test
    void anExistingMemberIsUpdatedWithItsMemberId() throws IOException {
        FakeMailman.Member existing = mailman.subscribe(LIST, "bo@example.com", "Bo");

        List<MemberOutcome> outcomes = provider.push(List.of(subscribed("bo@example.com", null, null)), job);

        assertThat(outcomes).containsExactly(new MemberOutcome("bo@example.com", Result.UPDATED, null, existing.id));
        assertThat(mailman.received("POST", "/3.1/members").getFirst().form()).doesNotContainKey("display_name");
    }

    @Test
    void unsubscribingDeletesTheMemberAndAnAbsentOneCountsAsRemoved() throws IOException {
        FakeMailman.Member cy = mailman.subscribe(LIST, "cy@example.com", "Cy");

        List<MemberOutcome> outcomes = provider.push(
                List.of(unsubscribed("cy@example.com"), unsubscribed("never@example.com")), job);

        assertThat(outcomes).containsExactly(
                new MemberOutcome("cy@example.com", Result.REMOVED, null, cy.id),
                new MemberOutcome("never@example.com", Result.REMOVED, null, null));
        assertThat(mailman.emails(LIST)).isEmpty();
        List<FakeMailman.Received> deletes = mailman.received("DELETE", "/3.1/members/");
        assertThat(deletes).singleElement().satisfies(delete -> {
            assertThat(delete.path()).isEqualTo("/3.1/members/" + cy.id);
            assertThat(delete.query()).containsEntry("pre_approved", "true").containsEntry("pre_confirmed", "true");
        });
    }

    @Test
    void aRefusedMemberFailsWithMailmansReasonAndTheOthersGoThrough() throws IOException {
        mailman.ban("spam@example.com");

        List<MemberOutcome> outcomes = provider.push(
                List.of(subscribed("spam@example.com", null, null), subscribed("dee@example.com", "Dee", null)), job);

        assertThat(outcomes.get(0).result()).isEqualTo(Result.FAILED);
        assertThat(outcomes.get(0).reason()).isEqualTo("Mailman refused to subscribe (400): Membership is banned");
        assertThat(outcomes.get(1).result()).isEqualTo(Result.ADDED);
        assertThat(mailman.emails(LIST)).containsExactly("dee@example.com");
    }

    @Test
    void removesByMemberIdAndCountsAGoneMemberAsRemoved() throws IOException {
        FakeMailman.Member eve = mailman.subscribe(LIST, "eve@example.com", "Eve");

        List<MemberOutcome> outcomes = provider.remove(List.of(new RemoteMember("hash-eve", eve.id),
                new RemoteMember("hash-gone", "0123456789abcdef0123456789abcdef"),
                new RemoteMember("hash-unknown", null)), job);

        assertThat(outcomes).extracting(MemberOutcome::email, MemberOutcome::result).containsExactly(
                tuple("hash-eve", Result.REMOVED),
                tuple("hash-gone", Result.REMOVED),
                tuple("hash-unknown", Result.FAILED));
        assertThat(outcomes.get(2).reason()).contains("No Mailman member id");
        assertThat(mailman.emails(LIST)).isEmpty();
    }

    @Test
    void pullReadsTheRosterPageByPageThenTheBouncedMembers() throws IOException {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            mailman.subscribe(LIST, name + "@example.com", name);
        }
        FakeMailman.Member bouncing = mailman.member(LIST, "c@example.com");
        bouncing.deliveryStatus = "by_bounces";
        bouncing.bounceScore = 5;
        bouncing.lastBounceReceived = "2026-11-20T10:15:30.123456";

        List<String> cursors = new ArrayList<>();
        List<RemoteStatusChange> changes = new ArrayList<>();
        String cursor = null;
        do {
            PullPage page = provider.pull(cursor, 0);
            changes.addAll(page.changes());
            cursor = page.nextCursor();
            cursors.add(cursor);
        } while (cursor != null);

        assertThat(cursors).containsExactly("roster:2:5:0", "roster:3:5:0", "bounced:1", null);
        assertThat(changes).filteredOn(c -> c.status() == RemoteStatus.SUBSCRIBED)
                .extracting(RemoteStatusChange::email)
                .containsExactly("a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com");
        assertThat(changes).filteredOn(c -> c.status() == RemoteStatus.SUBSCRIBED)
                .allSatisfy(c -> assertThat(c.at()).isEqualTo(NOW));
        assertThat(changes.getLast()).isEqualTo(new RemoteStatusChange("c@example.com", RemoteStatus.BOUNCED,
                Instant.parse("2026-11-20T10:15:30.123456Z"),
                "Mailman disabled delivery after bounces (bounce score 5)", null, null));
        assertThat(mailman.received("GET", "/3.1/lists/" + LIST + "/roster/member"))
                .extracting(r -> r.query().get("count")).containsOnly("2");
    }

    @Test
    void pullStartsTheRosterAgainWhenItChangesWhileBeingRead() throws IOException {
        for (String name : List.of("a", "b", "c", "d")) {
            mailman.subscribe(LIST, name + "@example.com", name);
        }
        // someone leaves after the first page: "c" would shift onto page 1 and be skipped without a restart
        mailman.afterRosterPage(page -> {
            if (page == 1 && mailman.member(LIST, "a@example.com") != null) {
                mailman.unsubscribe(LIST, "a@example.com");
            }
        });

        List<String> subscribed = new ArrayList<>();
        String cursor = null;
        List<String> cursors = new ArrayList<>();
        do {
            PullPage page = provider.pull(cursor, 0);
            page.changes().forEach(change -> subscribed.add(change.email()));
            cursor = page.nextCursor();
            cursors.add(cursor);
        } while (cursor != null);

        assertThat(cursors).startsWith("roster:2:4:0", "roster:1:-1:1");
        assertThat(subscribed).contains("b@example.com", "c@example.com", "d@example.com");
    }

    @Test
    void pullGivesUpWhenTheRosterKeepsChanging() {
        for (String name : List.of("a", "b", "c")) {
            mailman.subscribe(LIST, name + "@example.com", name);
        }
        int[] added = {0};
        mailman.afterRosterPage(page -> mailman.subscribe(LIST, "new" + added[0]++ + "@example.com", "New"));

        assertThatThrownBy(() -> {
            String cursor = null;
            do {
                cursor = provider.pull(cursor, 0).nextCursor();
            } while (cursor != null);
        }).isInstanceOf(IOException.class).hasMessageContaining("changed 4 times while it was being read");
    }

    @Test
    void retriesAServerErrorThenSucceeds() throws IOException {
        mailman.failNext(2, 503, null);

        List<MemberOutcome> outcomes = provider.push(List.of(subscribed("fay@example.com", "Fay", null)), job);

        assertThat(outcomes).singleElement().extracting(MemberOutcome::result).isEqualTo(Result.ADDED);
        assertThat(mailman.received("POST", "/3.1/members")).hasSize(3);
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() throws IOException {
        mailman.failNext(1, 429, "0");

        assertThat(provider.push(List.of(subscribed("gus@example.com", null, null)), job))
                .singleElement().extracting(MemberOutcome::result).isEqualTo(Result.ADDED);
    }

    @Test
    void aPersistentServerErrorIsAnIOExceptionWithoutThePassword() {
        mailman.failNext(100, 503, null);

        assertThatThrownBy(() -> provider.push(List.of(subscribed("hal@example.com", null, null)), job))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("POST /members")
                .hasMessageContaining("gave up after 3 attempts")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(FakeMailman.PASSWORD));
        assertThat(mailman.received("POST", "/3.1/members")).hasSize(3);
    }

    @Test
    void aStalledServerIsBoundedByTheTimeoutAndRetried() {
        mailman.stallNext(100, Duration.ofSeconds(3));
        long started = System.nanoTime();

        assertThatThrownBy(() -> provider(2).pull(null, 0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not answer")
                .hasMessageContaining("gave up after 2 attempts");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void keepsToTheCallLimitAcrossThreads() throws Exception {
        mailman.delayEach(Duration.ofMillis(60));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<MemberOutcome>>> pushes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String email = "p" + i + "@example.com";
                pushes.add(threads.submit(() -> provider.push(List.of(subscribed(email, null, null)), job)));
            }
            for (Future<List<MemberOutcome>> push : pushes) {
                assertThat(push.get()).singleElement().extracting(MemberOutcome::result).isEqualTo(Result.ADDED);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(mailman.maxInFlight()).isBetween(2, 4);
    }

    @Test
    void sendsBasicAuth() throws IOException {
        provider.pull(null, 0);

        assertThat(mailman.received()).allSatisfy(r -> assertThat(r.authorization()).startsWith("Basic "));
    }

    @Test
    void testConnectionNamesTheListAndItsSize() {
        mailman.subscribe(LIST, "a@example.com", "A");
        mailman.subscribe(LIST, "b@example.com", "B");

        assertThat(provider.testConnection())
                .isEqualTo(new ConnectionCheck(true, "Connected to list 'Supporters' (2 members)"));
    }

    @Test
    void testConnectionSaysWhatIsWrong() throws IOException {
        settings.set(MailmanSettings.PASSWORD, "wrong");
        ConnectionCheck badPassword = provider.testConnection();
        assertThat(badPassword.ok()).isFalse();
        assertThat(badPassword.message()).startsWith("Mailman refused the REST admin user or password (401)")
                .doesNotContain("wrong");

        settings.set(MailmanSettings.PASSWORD, FakeMailman.PASSWORD)
                .set(MailmanSettings.LIST_ID, "members.example.org");
        assertThat(provider.testConnection().message()).startsWith("Mailman has no list 'members.example.org' (404)");

        settings.set(MailmanSettings.LIST_ID, LIST)
                .set(MailmanSettings.BASE_URL, mailman.baseUrl().replace("/3.1", "/3.9"));
        assertThat(provider.testConnection().message()).startsWith("No Mailman REST API at ");

        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        settings.set(MailmanSettings.BASE_URL, "http://127.0.0.1:" + freePort + "/3.1");
        assertThat(provider.testConnection().message())
                .isEqualTo("Could not reach Mailman at http://127.0.0.1:" + freePort + "/3.1 (connection refused). "
                        + "Is Mailman running, and is the REST API URL right?");

        settings.set(MailmanSettings.BASE_URL, mailman.baseUrl());
        mailman.stallNext(1, Duration.ofSeconds(2));
        assertThat(provider.testConnection().message()).contains("did not answer within");
    }
}
