package org.grassroots.crm.listsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.MergeRequest;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonMergeService;
import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.grassroots.crm.plugin.api.email.WebhookRejectedException;
import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = "crm.list-sync.retry-delay=PT0.01S")
@Import(FakeLists.Config.class)
class ListSyncEngineTest {

    @Autowired
    SyncWorld world;

    @Autowired
    ListSyncWebhooks webhooks;

    @Autowired
    PersonMergeService merges;

    @Test
    void thePlanSortsMembersIntoAddUpdateUnsubscribeAndRemove() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        List<PersonDetails> p = new ArrayList<>(IntStream.range(0, 3).mapToObj(i -> world.person(tag)).toList());
        String secondAddress = SyncWorld.unique("second") + "@example.org";
        p.add(world.personWithTwoAddresses(tag, secondAddress));
        p.add(world.person(tag));
        PersonDetails neverOptedIn = world.person(tag);
        world.setStatus(neverOptedIn.id(), SubscriptionStatus.NOT_SUBSCRIBED);
        assertThat(world.plan(list)).isEqualTo(new SyncPlan(5, 0, 0, 0));
        world.sync(list);
        assertThat(list.subscribed()).containsExactlyInAnyOrderElementsOf(p.stream().map(x -> x.emails().getFirst()
                .email()).toList());

        world.rename(p.get(0).id(), "Lovelace");
        world.untag(p.get(1).id(), tag);
        world.setStatus(p.get(2).id(), SubscriptionStatus.UNSUBSCRIBED);
        String removedEmail = world.email(p.get(3).id());
        world.removeEmail(p.get(3).id(), removedEmail);
        PersonDetails newcomer = world.person(tag);

        SyncPlan plan = world.plan(list);
        assertThat(plan).isEqualTo(new SyncPlan(2, 1, 2, 1));
        long runId = world.sync(list);

        SyncRun run = world.run(runId);
        assertThat(run.status()).isEqualTo(SyncRunStatus.DONE);
        assertThat(run.planned()).isEqualTo(plan);
        assertThat(List.of(run.added(), run.updated(), run.unsubscribed(), run.removed(), run.failed()))
                .containsExactly(2L, 1L, 2L, 1L, 0L);
        assertThat(list.member(world.email(p.get(0).id())).lastName()).isEqualTo("Lovelace");
        assertThat(list.member(world.email(p.get(1).id())).status()).isEqualTo(RemoteStatus.UNSUBSCRIBED);
        assertThat(list.member(world.email(p.get(2).id())).status()).isEqualTo(RemoteStatus.UNSUBSCRIBED);
        assertThat(list.member(removedEmail)).isNull();
        assertThat(list.member(secondAddress).status()).isEqualTo(RemoteStatus.SUBSCRIBED);
        assertThat(list.member(world.email(newcomer.id())).status()).isEqualTo(RemoteStatus.SUBSCRIBED);
        assertThat(list.pushed()).extracting(ListMember::email).doesNotContain(world.email(neverOptedIn.id()));
        assertThat(world.plan(list)).isEqualTo(new SyncPlan(0, 0, 0, 0));
        assertThat(world.jdbc.sql("SELECT count(*) FROM list_sync_member WHERE list_key = ?")
                .param(FakeLists.key(list)).query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void theFirstSyncGoesInBulkAndLaterOnesSendOnlyWhatChanged() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag).sizes(3, 10, 2);
        List<PersonDetails> people = IntStream.range(0, 25).mapToObj(i -> world.person(tag)).toList();

        world.sync(list);
        assertThat(list.bulkCalls()).isEqualTo(3);
        assertThat(list.pushed()).hasSize(25);

        list.forgetCalls();
        world.rename(people.get(3).id(), "Changed");
        world.tag(people.get(7).id(), SyncWorld.unique("extra"));
        world.moveTo(people.get(11).id(), UsState.IA, "50309");
        world.sync(list);

        assertThat(list.bulkCalls()).isZero();
        assertThat(list.pushCalls()).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(3));
        assertThat(list.pushed()).extracting(ListMember::email).containsExactlyInAnyOrder(
                world.email(people.get(3).id()), world.email(people.get(7).id()), world.email(people.get(11).id()));
        assertThat(list.member(world.email(people.get(11).id())).state()).isEqualTo("IA");
    }

    @Test
    void aCancelledSyncResumesWithoutSendingAnyoneTwice() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag).sizes(4, 4, 1);
        IntStream.range(0, 30).forEach(i -> world.person(tag));
        RecordingJobContext job = new RecordingJobContext();
        AtomicInteger calls = new AtomicInteger();
        list.beforePush(members -> {
            if (calls.incrementAndGet() == 3) {
                job.cancel();
            }
        });

        assertThatThrownBy(() -> world.sync(list, job)).isInstanceOf(JobCancelledException.class);
        long sentBeforeCancel = list.pushed().size();
        assertThat(sentBeforeCancel).isBetween(12L, 16L);
        assertThat(world.jdbc.sql("SELECT status FROM list_sync_run WHERE list_key = ? ORDER BY id DESC LIMIT 1")
                .param(FakeLists.key(list)).query(String.class).single()).isEqualTo("CANCELLED");

        list.beforePush(members -> { });
        world.sync(list);

        List<String> sent = list.pushed().stream().map(ListMember::email).toList();
        assertThat(sent).hasSize(30).doesNotHaveDuplicates();
        assertThat(list.subscribed()).hasSize(30);
    }

    @Test
    void refusedMembersAreLoggedWithTheirReasonAndTriedAgainNextTime() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        PersonDetails refused = world.person(tag);
        world.person(tag);
        list.refuse(world.email(refused.id()));

        long runId = world.sync(list);

        assertThat(world.run(runId).failed()).isEqualTo(1);
        assertThat(world.run(runId).added()).isEqualTo(1);
        List<SyncFailure> failures = SyncWorld.asAdmin(() -> world.service.failures(runId, 10));
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.personId()).isEqualTo(refused.id());
            assertThat(f.reason()).isEqualTo("Member looks fake (test refusal)");
        });
        assertThat(world.plan(list)).isEqualTo(new SyncPlan(1, 0, 0, 0));
    }

    @Test
    void aCallThatKeepsFailingFailsTheRunAndTheNextRunCarriesOn() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        IntStream.range(0, 4).forEach(i -> world.person(tag));
        list.failNextCalls(1);
        world.sync(list);
        assertThat(list.subscribed()).hasSize(4);

        world.person(tag);
        list.failNextCalls(4);
        assertThatThrownBy(() -> world.sync(list)).hasMessageContaining("503");
        SyncRun failed = SyncWorld.asAdmin(() -> world.service.runs(FakeLists.key(list), 1)).getFirst();
        assertThat(failed.status()).isEqualTo(SyncRunStatus.FAILED);
        assertThat(failed.message()).contains("failed 3 times").contains("503");

        world.sync(list);
        assertThat(list.subscribed()).hasSize(5);
    }

    @Test
    void pullBackRunsBeforePushSoARemoteUnsubscribeIsNeverOverwritten() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        PersonDetails person = world.person(tag);
        world.sync(list);
        String email = world.email(person.id());

        list.remoteChange(email, RemoteStatus.UNSUBSCRIBED, "clicked unsubscribe");
        world.rename(person.id(), "Edited");
        list.forgetCalls();
        long runId = world.sync(list);

        assertThat(world.status(email)).isEqualTo("UNSUBSCRIBED");
        assertThat(world.lastHistory(email)).containsEntry("cause",
                "unsubscribed at Fake list " + list.id() + ": clicked unsubscribe")
                .containsEntry("source", "fake:list " + list.id());
        assertThat(list.pushed()).noneMatch(ListMember::subscribed);
        assertThat(list.member(email).status()).isEqualTo(RemoteStatus.UNSUBSCRIBED);
        assertThat(world.run(runId).pulledBack()).isEqualTo(1);
    }

    @Test
    void aMemberMissingFromAWholeRosterPullLeftTheListAndIsUnsubscribedInTheCrm() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag).listsWholeRoster();
        List<PersonDetails> people = IntStream.range(0, 12).mapToObj(i -> world.person(tag)).toList();
        world.sync(list);
        String left = world.email(people.get(4).id());
        list.leave(left);

        list.failNextCalls(3);
        assertThatThrownBy(() -> world.sync(list)).as("a pull that stops early concludes nothing").isNotNull();
        assertThat(world.status(left)).isEqualTo("SUBSCRIBED");

        list.forgetCalls();
        long runId = world.sync(list);

        assertThat(world.status(left)).isEqualTo("UNSUBSCRIBED");
        assertThat(world.lastHistory(left)).containsEntry("cause",
                "unsubscribed at Fake list " + list.id() + ": no longer on the Fake list " + list.id() + " list")
                .containsEntry("source", "fake:list " + list.id());
        assertThat(world.run(runId).pulledBack()).isEqualTo(1);
        assertThat(people.stream().filter(p -> p != people.get(4)).map(p -> world.status(world.email(p.id()))))
                .containsOnly("SUBSCRIBED");
        assertThat(list.pushed()).noneMatch(ListMember::subscribed);
        assertThat(world.jdbc.sql("SELECT count(*) FROM list_sync_pull_seen").query(Long.class).single())
                .as("what the pulls saw is forgotten").isZero();
    }

    @Test
    void aRemoteSubscribeOptsInAnAddressThatNeverOptedIn() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        PersonDetails person = world.person(tag);
        world.setStatus(person.id(), SubscriptionStatus.NOT_SUBSCRIBED);
        String email = world.email(person.id());
        list.remoteChange(email, RemoteStatus.SUBSCRIBED, null);

        world.sync(list);

        assertThat(world.status(email)).isEqualTo("SUBSCRIBED");
        assertThat(world.lastHistory(email)).containsEntry("cause", "subscribed at Fake list " + list.id());
        assertThat(list.member(email).status()).isEqualTo(RemoteStatus.SUBSCRIBED);
    }

    @Test
    void aProtectedAddressSeenSubscribedAtTheProviderIsUnsubscribedThere() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        PersonDetails person = world.person(tag);
        world.sync(list);
        String email = world.email(person.id());
        world.setStatus(person.id(), SubscriptionStatus.UNSUBSCRIBED);
        world.sync(list);
        assertThat(list.member(email).status()).isEqualTo(RemoteStatus.UNSUBSCRIBED);

        list.remoteChange(email, RemoteStatus.SUBSCRIBED, "signed up on the provider's form");
        list.forgetCalls();
        world.sync(list);

        assertThat(world.status(email)).isEqualTo("UNSUBSCRIBED");
        assertThat(list.member(email).status()).isEqualTo(RemoteStatus.UNSUBSCRIBED);
        assertThat(list.pushed()).singleElement().satisfies(m -> assertThat(m.subscribed()).isFalse());
    }

    @Test
    void anUnsubscribeThatArrivesMidSyncIsSentAsUnsubscribed() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag).sizes(2, 2, 1);
        List<PersonDetails> people = IntStream.range(0, 6).mapToObj(i -> world.person(tag)).toList();
        List<String> emails = people.stream().map(p -> world.email(p.id())).toList();
        List<String> subscribedWhileProtected = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        list.beforePush(members -> {
            members.stream().filter(ListMember::subscribed)
                    .filter(m -> !world.status(m.email()).equals("SUBSCRIBED"))
                    .forEach(m -> subscribedWhileProtected.add(m.email()));
            if (calls.incrementAndGet() == 1) {
                people.forEach(p -> world.setStatus(p.id(), SubscriptionStatus.BOUNCING));
            }
        });

        world.sync(list);

        assertThat(subscribedWhileProtected).isEmpty();
        assertThat(list.subscribed()).hasSizeLessThanOrEqualTo(2);
        world.sync(list);
        assertThat(list.subscribed()).isEmpty();
        assertThat(emails).allSatisfy(e -> assertThat(world.status(e)).isEqualTo("BOUNCING"));
    }

    @Test
    void anErasedSupporterIsRemovedFromTheListRightAfterTheErasure() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        PersonDetails person = world.person(tag);
        world.person(tag);
        world.sync(list);
        String email = world.email(person.id());
        assertThat(list.member(email)).isNotNull();

        world.erase(person.id());

        await().atMost(Duration.ofSeconds(20)).until(() -> list.member(email) == null);
        assertThat(list.removeCalls()).singleElement().satisfies(call -> assertThat(call).singleElement()
                .satisfies(m -> assertThat(m.remoteId()).startsWith("r-")));
        assertThat(list.members()).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> world.jdbc.sql(
                "SELECT count(*) FROM list_sync_member WHERE list_key = ?").param(FakeLists.key(list))
                .query(Long.class).single() == 1);
        assertThat(world.plan(list)).isEqualTo(new SyncPlan(0, 0, 0, 0));
    }

    @Test
    void aWebhookIsAppliedOnceHoweverOftenItIsDelivered() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        PersonDetails person = world.person(tag);
        world.sync(list);
        String email = world.email(person.id());
        RemoteStatusChange complaint = list.remoteChange(email, RemoteStatus.COMPLAINED, "abuse report");

        WebhookReceipt first = webhooks.receive(FakeLists.PLUGIN, list.id(),
                FakeEmailList.webhook(FakeEmailList.SECRET, List.of(complaint))).orElseThrow();
        WebhookReceipt again = webhooks.receive(FakeLists.PLUGIN, list.id(),
                FakeEmailList.webhook(FakeEmailList.SECRET, List.of(complaint))).orElseThrow();

        assertThat(first).isEqualTo(new WebhookReceipt(1, 0, 1));
        assertThat(again).isEqualTo(new WebhookReceipt(1, 1, 0));
        assertThat(world.status(email)).isEqualTo("SPAM_COMPLAINT");
        assertThat(world.jdbc.sql("SELECT count(*) FROM subscription_event WHERE email = ? AND status = ?")
                .param(email).param("SPAM_COMPLAINT").query(Long.class).single()).isEqualTo(1);
        assertThat(world.lastHistory(email)).containsEntry("cause",
                "spam complaint at Fake list " + list.id() + ": abuse report");
        assertThatThrownBy(() -> webhooks.receive(FakeLists.PLUGIN, list.id(),
                FakeEmailList.webhook("wrong", List.of(complaint))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.forbidden()).isTrue());
        assertThat(webhooks.receive(FakeLists.PLUGIN, "no-such-list",
                FakeEmailList.webhook(FakeEmailList.SECRET, List.of()))).isEmpty();
    }

    @Test
    void anAddressChangedAtTheProviderJoinsTheSupporterAndTheMemberMovesWithIt() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        PersonDetails person = world.person(tag);
        world.sync(list);
        String old = world.email(person.id());
        String renamed = SyncWorld.unique("new") + "@example.org";
        RemoteStatusChange change = list.remoteAddressChange(old, renamed);
        list.forgetCalls();

        assertThat(webhooks.receive(FakeLists.PLUGIN, list.id(), FakeEmailList.webhook(FakeEmailList.SECRET,
                List.of(change))).orElseThrow().applied()).isEqualTo(1);
        world.sync(list);

        assertThat(world.email(person.id())).isEqualTo(renamed);
        assertThat(world.status(renamed)).isEqualTo("SUBSCRIBED");
        assertThat(world.status(old)).isEqualTo("SUBSCRIBED");
        assertThat(list.pushed()).extracting(ListMember::email).containsExactly(renamed);
        assertThat(list.members()).containsOnlyKeys(renamed);
        assertThat(world.plan(list)).isEqualTo(new SyncPlan(0, 0, 0, 0));
    }

    @Test
    void aSignUpAtTheProviderIsKeptUntilTheCrmProtectsOrErasesTheAddress() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        PersonDetails outside = world.person(SyncWorld.unique("other"));
        PersonDetails erasedLater = world.person(SyncWorld.unique("other"));
        String outsideEmail = world.email(outside.id());
        String erasedEmail = world.email(erasedLater.id());
        list.remoteChange(outsideEmail, RemoteStatus.SUBSCRIBED, null);
        list.remoteChange(erasedEmail, RemoteStatus.UNSUBSCRIBED, "never mind");

        world.sync(list);
        assertThat(list.member(outsideEmail).status()).as("outside the segment, but not undone")
                .isEqualTo(RemoteStatus.SUBSCRIBED);
        assertThat(world.status(erasedEmail)).isEqualTo("UNSUBSCRIBED");

        world.setStatus(outside.id(), SubscriptionStatus.SPAM_COMPLAINT);
        world.erase(erasedLater.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> list.member(erasedEmail) == null);
        world.sync(list);

        assertThat(list.member(outsideEmail).status()).isEqualTo(RemoteStatus.UNSUBSCRIBED);
        assertThat(world.plan(list)).isEqualTo(new SyncPlan(0, 0, 0, 0));
    }

    @Test
    void aMergeMovesTheDuplicatesMembershipToTheSurvivor() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        PersonDetails survivor = world.person(tag);
        PersonDetails duplicate = world.person(tag);
        world.sync(list);
        String duplicateEmail = world.email(duplicate.id());

        SyncWorld.asAdmin(() -> {
            merges.merge(MergeRequest.keepSurvivorValues(survivor.id(), duplicate.id()));
            return null;
        });

        // the survivor keeps the duplicate's address (not primary): unsubscribed from the list, not removed
        assertThat(world.plan(list)).isEqualTo(new SyncPlan(0, 0, 1, 0));
        world.sync(list);
        assertThat(list.member(duplicateEmail).status()).isEqualTo(RemoteStatus.UNSUBSCRIBED);
        assertThat(world.jdbc.sql("SELECT DISTINCT person_id FROM list_sync_member WHERE list_key = ?")
                .param(FakeLists.key(list)).query(Long.class).list()).containsExactly(survivor.id());
    }

    @Test
    void aDryRunCountsThePlanAndSendsNothing() throws Exception {
        String tag = SyncWorld.unique("seg");
        FakeEmailList list = world.list(tag);
        IntStream.range(0, 3).forEach(i -> world.person(tag));
        RecordingJobContext job = new RecordingJobContext();

        long runId = world.engine.dryRun(world.provider(list), job);

        SyncRun run = world.run(runId);
        assertThat(run.dryRun()).isTrue();
        assertThat(run.status()).isEqualTo(SyncRunStatus.DONE);
        assertThat(run.planned()).isEqualTo(new SyncPlan(3, 0, 0, 0));
        assertThat(job.counter("would add")).isEqualTo(3);
        assertThat(list.pushCalls()).isEmpty();
        assertThat(Set.copyOf(list.members().keySet())).isEmpty();
        assertThat(Map.of("added", world.sync(list))).isNotEmpty();
        assertThat(list.subscribed()).hasSize(3);
    }
}
