package org.grassroots.plugins.emaillistsync.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.grassroots.crm.plugin.api.email.ConnectionCheck;
import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.MemberOutcome;
import org.grassroots.crm.plugin.api.email.MemberOutcome.Result;
import org.grassroots.crm.plugin.api.email.PullPage;
import org.grassroots.crm.plugin.api.email.RemoteMember;
import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.testing.InMemoryPluginSettings;
import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider against {@link FakeMailchimp} over real HTTP: the calls it makes and how it reads the answers. */
class MailchimpProviderContractTest {

    static final MailchimpHttp.Tuning FAST = new MailchimpHttp.Tuning(Duration.ofSeconds(2), Duration.ofSeconds(2), 4,
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofMillis(20),
            Duration.ofSeconds(30));

    private FakeMailchimp fake;
    private InMemoryPluginSettings settings;
    private MailchimpProvider provider;
    private final RecordingJobContext job = new RecordingJobContext();

    @BeforeEach
    void startFake() throws IOException {
        fake = FakeMailchimp.start();
        settings = new InMemoryPluginSettings(MailchimpSettings.fields())
                .set(MailchimpSettings.API_KEY, fake.apiKey()).set(MailchimpSettings.BASE_URL, fake.baseUrl())
                .set(MailchimpSettings.LIST_ID, fake.listId());
        provider = new MailchimpProvider(settings, FAST);
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void describesItselfFromTheSettings() {
        settings.set("mailchimp.segment.tags", "volunteer, donor").set("mailchimp.segment.states", "ia,nh")
                .set("mailchimp.schedule", "0 0 * * * *");

        assertThat(provider.id()).isEqualTo("mailchimp");
        assertThat(provider.displayName()).isEqualTo("Mailchimp");
        assertThat(provider.isConfigured()).isTrue();
        assertThat(provider.sourceLabel()).isEqualTo("mailchimp:list " + fake.listId());
        assertThat(provider.segment().tags()).containsExactlyInAnyOrder("volunteer", "donor");
        assertThat(provider.segment().states()).containsExactlyInAnyOrder("IA", "NH");
        assertThat(provider.segment().emailStatuses()).containsExactly(EmailStatus.SUBSCRIBED);
        assertThat(provider.syncCron()).isEqualTo("0 0 * * * *");
        assertThat(provider.maxBatchSize()).isEqualTo(500);
        assertThat(provider.maxConcurrentCalls()).isEqualTo(10);
        assertThat(provider.maxBulkSize()).isEqualTo(5000);

        settings.clear(MailchimpSettings.LIST_ID);
        assertThat(provider.isConfigured()).isFalse();
        assertThat(new MailchimpProvider(new InMemoryPluginSettings(MailchimpSettings.fields())).isConfigured())
                .isFalse();
    }

    @Test
    void pushAddsNewMembersWithTheirMergeFieldsAndTagsThenUpdatesThem() throws IOException {
        List<ListMember> members = List.of(
                new ListMember("urist.mcvankab@freddiesjokes.com", true, "Urist", "McVankab", "50309", "IA",
                        Set.of("volunteer", "donor")),
                new ListMember("ana@example.org", true, null, null, null, null, Set.of()));

        List<MemberOutcome> first = provider.push(members, job);

        assertThat(first).containsExactly(
                new MemberOutcome("urist.mcvankab@freddiesjokes.com", Result.ADDED, null,
                        "62eeb292278cc15f5817cb78f7790b08"),
                new MemberOutcome("ana@example.org", Result.ADDED, null, MemberBatch.subscriberHash("ana@example.org")));
        FakeMailchimp.SentMember sent = fake.sentMembers().getFirst();
        assertThat(sent.status()).isEqualTo("subscribed");
        assertThat(sent.mergeFields()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("FNAME", "Urist", "LNAME", "McVankab", "ZIP", "50309", "STATE", "IA"));
        assertThat(sent.tags()).containsExactly("donor", "volunteer");
        assertThat(fake.sentMembers().get(1).mergeFields()).isEmpty();
        assertThat(fake.member("urist.mcvankab@freddiesjokes.com").orElseThrow().tags())
                .containsExactlyInAnyOrder("donor", "volunteer");
        assertThat(fake.calls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/3.0/lists/" + fake.listId());
            assertThat(call.batchSize()).isEqualTo(2);
        });

        assertThat(provider.push(members, job)).extracting(MemberOutcome::result)
                .containsExactly(Result.UPDATED, Result.UPDATED);
    }

    @Test
    void anUnsubscribedMemberIsNeverSentAsSubscribedNorWithPersonalData() throws IOException {
        fake.addMember("leaving@example.org", "subscribed", Instant.now());
        List<ListMember> members = List.of(
                new ListMember("leaving@example.org", false, "Lee", "Ving", "03301", "NH", Set.of("donor")),
                new ListMember("never-seen@example.org", false, "Nev", "Er", null, null, Set.of()),
                new ListMember("staying@example.org", true, "Stay", null, null, null, Set.of()));

        List<MemberOutcome> outcomes = provider.push(members, job);

        assertThat(outcomes).extracting(MemberOutcome::result)
                .containsExactly(Result.REMOVED, Result.REMOVED, Result.ADDED);
        assertThat(fake.sentMembers()).filteredOn(m -> !m.email().startsWith("staying")).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo("unsubscribed");
            assertThat(m.mergeFields()).isEmpty();
            assertThat(m.tags()).isEmpty();
        });
        assertThat(fake.member("leaving@example.org").orElseThrow().status()).isEqualTo("unsubscribed");
        assertThat(fake.member("never-seen@example.org").orElseThrow().status()).isEqualTo("unsubscribed");
    }

    @Test
    void membersMailchimpRefusesOnA200AreFailedWithItsReasonAndTheRestGoThrough() throws IOException {
        List<ListMember> members = List.of(member("good@example.org"), member("someone.invalid@example.org"),
                member("also-good@example.org"));

        List<MemberOutcome> outcomes = provider.push(members, job);

        assertThat(outcomes).extracting(MemberOutcome::result)
                .containsExactly(Result.ADDED, Result.FAILED, Result.ADDED);
        assertThat(outcomes.get(1).reason()).contains("looks fake or invalid").contains("ERROR_GENERIC");
        assertThat(outcomes.get(1).remoteId()).isNull();
        assertThat(fake.memberCount()).isEqualTo(2);
    }

    @Test
    void pushTakesAtMost500MembersAndBulkAtMost5000() {
        List<ListMember> tooMany = members(501);
        assertThatThrownBy(() -> provider.push(tooMany, job)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 500");
        assertThatThrownBy(() -> provider.pushBulk(members(5001), job)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 5000");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void aRefusedKeyFailsEveryMemberOfAPushWithoutNamingTheKey() throws IOException {
        String wrongKey = "ffffffffffffffffffffffffffffffff-us21";
        settings.set(MailchimpSettings.API_KEY, wrongKey);

        List<MemberOutcome> outcomes = provider.push(List.of(member("a@example.org"), member("b@example.org")), job);

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.result()).isEqualTo(Result.FAILED);
            assertThat(outcome.reason()).isEqualTo("The API key was refused (401)");
        });
        assertThat(provider.pushBulk(members(600), job)).hasSize(600).allSatisfy(outcome ->
                assertThat(outcome.reason()).isEqualTo("The API key was refused (401)"));
    }

    @Test
    void a429IsRetriedAfterTheSecondsItsRetryAfterSays() throws IOException {
        fake.failNext(2, 429, 1);
        long start = System.nanoTime();

        List<MemberOutcome> outcomes = provider.push(List.of(member("patient@example.org")), job);

        assertThat(outcomes).extracting(MemberOutcome::result).containsExactly(Result.ADDED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(fake.calls()).hasSize(3);
    }

    @Test
    void a503IsRetriedWithBackoff() throws IOException {
        fake.failNext(2, 503, null);

        assertThat(provider.push(List.of(member("retry@example.org")), job)).extracting(MemberOutcome::result)
                .containsExactly(Result.ADDED);
        assertThat(fake.calls()).hasSize(3);
    }

    @Test
    void aPersistent5xxBecomesAnIOExceptionAfterTheLastAttempt() {
        fake.failNext(100, 503, null);

        assertThatThrownBy(() -> provider.push(List.of(member("x@example.org")), job))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("answered 503").hasMessageContaining("4 attempts")
                .message().doesNotContain(fake.apiKey());
        assertThat(fake.calls()).hasSize(4);
    }

    @Test
    void aStalledMailchimpBecomesAnIOExceptionWithinBoundedTime() throws IOException {
        MailchimpProvider impatient = new MailchimpProvider(settings, new MailchimpHttp.Tuning(Duration.ofSeconds(1),
                Duration.ofMillis(200), 3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1),
                Duration.ofMillis(20), Duration.ofSeconds(5)));
        fake.stallNext(10, Duration.ofSeconds(3));
        long start = System.nanoTime();

        assertThatThrownBy(() -> impatient.push(List.of(member("slow@example.org")), job))
                .isInstanceOf(IOException.class).hasMessageContaining("did not answer within")
                .hasMessageContaining("3 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aCancelledJobStopsRetrying() {
        fake.failNext(100, 503, null);
        job.cancel();

        assertThatThrownBy(() -> provider.push(List.of(member("x@example.org")), job))
                .isInstanceOf(JobCancelledException.class);
        assertThat(fake.calls()).hasSize(1);
    }

    @Test
    void pullReadsEveryPageOfMembersAndMapsTheirStatuses() throws IOException {
        Instant changed = Instant.parse("2026-01-02T03:04:05Z");
        String[] statuses = {"subscribed", "unsubscribed", "cleaned", "pending", "transactional"};
        for (int i = 0; i < 2500; i++) {
            fake.addMember("m" + i + "@example.org", statuses[i % statuses.length], changed);
        }

        List<RemoteStatusChange> all = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        do {
            PullPage page = provider.pull(cursor, 0);
            all.addAll(page.changes());
            cursor = page.nextCursor();
            cursors.add(cursor);
        } while (cursor != null);

        assertThat(cursors).containsExactly("1000", "2000", null);
        assertThat(all).hasSize(1500);
        assertThat(all).extracting(RemoteStatusChange::email).doesNotHaveDuplicates();
        assertThat(all).filteredOn(c -> c.email().equals("m1@example.org")).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(RemoteStatus.UNSUBSCRIBED);
            assertThat(c.at()).isEqualTo(changed);
        });
        assertThat(all).filteredOn(c -> c.email().equals("m2@example.org")).singleElement()
                .extracting(RemoteStatusChange::status).isEqualTo(RemoteStatus.BOUNCED);
        assertThat(all).filteredOn(c -> c.email().equals("m0@example.org")).singleElement()
                .extracting(RemoteStatusChange::status).isEqualTo(RemoteStatus.SUBSCRIBED);
        assertThat(fake.calls()).allSatisfy(call -> {
            assertThat(call.path()).isEqualTo("/3.0/lists/" + fake.listId() + "/members");
            assertThat(call.query()).contains("count=1000").contains("fields=members.email_address")
                    .doesNotContain("since_last_changed");
        });
    }

    @Test
    void pullSinceATimeReadsOnlyMembersChangedAfterIt() throws IOException {
        Instant longAgo = Instant.parse("2025-06-01T00:00:00Z");
        for (int i = 0; i < 50; i++) {
            fake.addMember("old" + i + "@example.org", "subscribed", longAgo);
        }
        fake.unsubscribeAtMailchimp("old7@example.org", "No longer interested");
        fake.cleanAtMailchimp("old9@example.org");

        PullPage page = provider.pull(null, Instant.now().minusSeconds(60).getEpochSecond());

        assertThat(page.nextCursor()).isNull();
        assertThat(page.changes()).extracting(RemoteStatusChange::email, RemoteStatusChange::status,
                RemoteStatusChange::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("old7@example.org", RemoteStatus.UNSUBSCRIBED, "No longer interested"),
                org.assertj.core.groups.Tuple.tuple("old9@example.org", RemoteStatus.BOUNCED, null));
        assertThat(fake.calls().getFirst().query()).contains("since_last_changed=");
    }

    @Test
    void removeErasesByTheSubscriberHashAndAnAbsentMemberCountsAsRemoved() throws IOException {
        MemberOutcome pushed = provider.push(List.of(member("erase-me@example.org")), job).getFirst();
        RemoteMember erased = new RemoteMember("sha256-of-the-address", pushed.remoteId());

        assertThat(provider.remove(List.of(erased), job)).containsExactly(
                new MemberOutcome("sha256-of-the-address", Result.REMOVED, null, pushed.remoteId()));
        assertThat(fake.member("erase-me@example.org")).isEmpty();
        assertThat(fake.calls().getLast().path()).isEqualTo("/3.0/lists/" + fake.listId() + "/members/"
                + pushed.remoteId() + "/actions/delete-permanent");

        assertThat(provider.remove(List.of(erased), job)).extracting(MemberOutcome::result)
                .containsExactly(Result.REMOVED);
        assertThat(provider.remove(List.of(new RemoteMember("another-sha", null)), job)).singleElement()
                .satisfies(o -> {
                    assertThat(o.result()).isEqualTo(Result.FAILED);
                    assertThat(o.reason()).isEqualTo("no Mailchimp id recorded");
                });
    }

    @Test
    void pushBulkRunsABatchOperationAndReadsItsTarGzResults() throws IOException {
        List<ListMember> members = new ArrayList<>(members(1200));
        members.set(10, member("first.invalid@example.org"));
        members.set(1100, member("second.invalid@example.org"));
        members.set(20, new ListMember("m20@example.org", false, null, null, null, null, Set.of()));

        List<MemberOutcome> outcomes = provider.pushBulk(members, job);

        assertThat(outcomes).hasSize(1200);
        assertThat(outcomes).extracting(MemberOutcome::email)
                .containsExactlyElementsOf(members.stream().map(ListMember::email).toList());
        assertThat(outcomes).filteredOn(o -> o.result() == Result.FAILED).extracting(MemberOutcome::email)
                .containsExactly("first.invalid@example.org", "second.invalid@example.org");
        assertThat(outcomes.get(20).result()).isEqualTo(Result.REMOVED);
        assertThat(outcomes).filteredOn(o -> o.result() == Result.ADDED).hasSize(1197);
        assertThat(fake.memberCount()).isEqualTo(1198);
        assertThat(fake.maxBatchSize()).isEqualTo(500);
        assertThat(fake.downloadsWithCredentials()).isZero();
        assertThat(fake.calls()).extracting(FakeMailchimp.Call::method, FakeMailchimp.Call::path).startsWith(
                org.assertj.core.groups.Tuple.tuple("POST", "/3.0/batches"));
        assertThat(fake.calls()).filteredOn(c -> c.path().startsWith("/3.0/batches/")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(fake.calls().getLast().path()).startsWith("/results/").endsWith(".tar.gz");
    }

    @Test
    void pushBulkOfAtMost500MembersIsAPlainPush() throws IOException {
        assertThat(provider.pushBulk(members(300), job)).hasSize(300);
        assertThat(fake.calls()).singleElement().extracting(FakeMailchimp.Call::path)
                .isEqualTo("/3.0/lists/" + fake.listId());
    }

    @Test
    void aCancelledBulkPushDeletesItsBatch() {
        fake.batchPollsUntilFinished(1_000_000);
        job.cancelAfterChecks(3);

        assertThatThrownBy(() -> provider.pushBulk(members(1000), job)).isInstanceOf(JobCancelledException.class);
        assertThat(fake.calls().getLast().method()).isEqualTo("DELETE");
        assertThat(fake.calls().getLast().path()).startsWith("/3.0/batches/");
    }

    @Test
    void testConnectionNamesTheAudienceAndItsSize() throws IOException {
        provider.push(members(3), job);

        ConnectionCheck check = provider.testConnection();

        assertThat(check.ok()).isTrue();
        assertThat(check.message()).isEqualTo("Connected to audience 'Grassroots members' (3 members)");
        assertThat(fake.calls().getLast().query()).isEqualTo("fields=name,stats.member_count");
    }

    @Test
    void testConnectionReportsARefusedKeyAnUnknownAudienceAndAnUnreachableHostInWords() throws IOException {
        String wrongKey = "ffffffffffffffffffffffffffffffff-us21";
        settings.set(MailchimpSettings.API_KEY, wrongKey);
        assertThat(provider.testConnection()).isEqualTo(new ConnectionCheck(false, "The API key was refused (401)"));

        settings.set(MailchimpSettings.API_KEY, fake.apiKey()).set(MailchimpSettings.LIST_ID, "ffffffffff");
        ConnectionCheck unknown = provider.testConnection();
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.message()).contains("(404)");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        settings.set(MailchimpSettings.BASE_URL, "http://127.0.0.1:" + closedPort + "/3.0");
        ConnectionCheck unreachable = provider.testConnection();
        assertThat(unreachable.ok()).isFalse();
        assertThat(unreachable.message()).contains("could not be reached").contains("127.0.0.1")
                .doesNotContain(fake.apiKey());

        assertThat(new MailchimpProvider(new InMemoryPluginSettings(MailchimpSettings.fields())).testConnection())
                .isEqualTo(new ConnectionCheck(false, "Fill in the Mailchimp API key and audience id first."));
    }

    @Test
    void fortyPushesFromTwentyThreadsNeverHaveMoreThanTenCallsInFlight() throws Exception {
        fake.latency(Duration.ofMillis(60));
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<Future<List<MemberOutcome>>> pushes = new ArrayList<>();
            for (int p = 0; p < 40; p++) {
                int from = p * 50;
                pushes.add(threads.submit(() -> provider.push(
                        IntStream.range(from, from + 50).mapToObj(i -> member("c" + i + "@example.org")).toList(),
                        new RecordingJobContext())));
            }
            for (Future<List<MemberOutcome>> push : pushes) {
                assertThat(push.get()).extracting(MemberOutcome::result).containsOnly(Result.ADDED);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(fake.maxInFlight()).isLessThanOrEqualTo(10).isGreaterThanOrEqualTo(5);
        assertThat(fake.refusedOverLimit()).isZero();
        assertThat(fake.memberCount()).isEqualTo(2000);
    }

    static ListMember member(String email) {
        return new ListMember(email, true, "First", "Last", null, null, Set.of());
    }

    static List<ListMember> members(int count) {
        return IntStream.range(0, count).mapToObj(i -> member("m" + i + "@example.org")).toList();
    }
}
