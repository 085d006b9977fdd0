package org.grassroots.crm.listsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Random sequences of CRM edits, provider-side changes, webhook deliveries (some twice), dry runs, syncs and
 * cancelled syncs against one fake list each, checking the sync's invariants after every step. The seeds are
 * printed; set {@code -Dlistsync.seed=N} to replay one sequence.
 */
@SpringBootTest(properties = "crm.list-sync.retry-delay=PT0.01S")
@Import(FakeLists.Config.class)
class ListSyncPropertyTest {

    private static final int SEQUENCES = Integer.getInteger("listsync.sequences", 20);
    private static final int STEPS = Integer.getInteger("listsync.steps", 60);
    private static final RemoteStatus[] LEAVING = {RemoteStatus.UNSUBSCRIBED, RemoteStatus.BOUNCED,
            RemoteStatus.COMPLAINED};
    private static final SubscriptionStatus[] PROTECTED = {SubscriptionStatus.UNSUBSCRIBED,
            SubscriptionStatus.BOUNCING, SubscriptionStatus.SPAM_COMPLAINT};

    @Autowired
    SyncWorld world;

    @Autowired
    ListSyncWebhooks webhooks;

    @Test
    void theInvariantsHoldWhateverHappensInWhateverOrder() throws Exception {
        Long fixed = Long.getLong("listsync.seed");
        long base = fixed != null ? fixed : System.nanoTime();
        for (int i = 0; i < (fixed != null ? 1 : SEQUENCES); i++) {
            long seed = base + i;
            System.out.println("ListSyncPropertyTest seed " + seed);
            try {
                new Sequence(seed).run();
            } catch (Throwable e) {
                throw new AssertionError("Sequence with seed " + seed + " failed (replay with -Dlistsync.seed="
                        + seed + "): " + e.getMessage(), e);
            }
        }
    }

    /** A provider-side status change waiting to reach the CRM, and what it must become there. */
    private record Expected(String email, RemoteStatus status, String statusBefore, RemoteStatusChange event,
            boolean crmChangedSince) {

        Expected crmChanged() {
            return new Expected(email, status, statusBefore, event, true);
        }
    }

    private final class Sequence {

        private final Random random;
        private final String tag = SyncWorld.unique("prop");
        private final FakeEmailList list = world.list(tag).sizes(3, 7, 2);
        private final List<Long> alive = new ArrayList<>();
        private final Map<Long, String> emails = new HashMap<>();
        private final List<String> erasedEmails = new ArrayList<>();
        private final List<Expected> expected = new ArrayList<>();
        private final List<RemoteStatusChange> undelivered = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();
        private final java.util.Set<String> signedUp = new java.util.HashSet<>();
        private int remoteSinceSync;

        Sequence(long seed) {
            this.random = new Random(seed);
            list.beforePush(members -> members.stream().filter(ListMember::subscribed)
                    .filter(m -> !"SUBSCRIBED".equals(statusOrNull(m.email())))
                    .forEach(m -> violations.add(m.email() + " was sent as subscribed while "
                            + statusOrNull(m.email()) + " in the CRM")));
        }

        void run() throws Exception {
            for (int i = 0; i < 6; i++) {
                newSupporter();
            }
            for (int step = 0; step < STEPS; step++) {
                int dice = random.nextInt(100);
                if (dice < 30) {
                    crmEdit();
                } else if (dice < 50) {
                    remoteChange();
                } else if (dice < 60) {
                    deliverWebhooks();
                } else if (dice < 70) {
                    dryRunThenSync();
                } else if (dice < 90) {
                    sync();
                } else {
                    cancelledSync();
                }
                assertThat(violations).as("subscribed while protected").isEmpty();
            }
            sync();
            world.lists.remove(list);
        }

        private void newSupporter() {
            long id = world.person(tag).id();
            alive.add(id);
            emails.put(id, world.email(id));
            if (random.nextInt(5) == 0) {
                world.setStatus(id, SubscriptionStatus.NOT_SUBSCRIBED);
            }
        }

        private void crmEdit() {
            if (alive.isEmpty()) {
                newSupporter();
                return;
            }
            long id = alive.get(random.nextInt(alive.size()));
            switch (random.nextInt(7)) {
                case 0 -> world.rename(id, SyncWorld.unique("L"));
                case 1 -> world.tag(id, "extra-" + random.nextInt(3));
                case 2 -> {
                    if (random.nextBoolean()) {
                        world.moveTo(id, UsState.IA, "50309");
                    } else {
                        world.moveTo(id, UsState.NH, "03301");
                    }
                }
                case 3 -> newSupporter();
                case 4 -> {
                    world.setStatus(id, PROTECTED[random.nextInt(PROTECTED.length)]);
                    // a change still on its way may now find the status it brings already set: nothing to record
                    expected.replaceAll(e -> e.email().equals(emails.get(id)) ? e.crmChanged() : e);
                }
                case 5 -> {
                    if (random.nextBoolean()) {
                        world.untag(id, tag);
                    } else {
                        world.tag(id, tag);
                    }
                }
                default -> erase(id);
            }
        }

        private void erase(long id) {
            boolean sent = world.jdbc.sql("SELECT count(*) FROM list_sync_member WHERE list_key = ? AND person_id = ?")
                    .param(FakeLists.key(list)).param(id).query(Long.class).single() > 0;
            world.erase(id);
            alive.remove(id);
            erasedEmails.add(emails.remove(id));
            expected.removeIf(e -> e.email().equals(erasedEmails.getLast()));
            undelivered.removeIf(e -> e.email().equals(erasedEmails.getLast()));
            // the erasure queues a removal job for the list; let it finish so later counts are comparable
            await().atMost(Duration.ofSeconds(30)).until(() -> world.jdbc.sql("""
                    SELECT count(*) FROM job WHERE type = 'list-sync' AND state IN ('QUEUED', 'RUNNING', 'RETRY_WAIT')
                    """).query(Long.class).single() == 0);
            if (sent) {
                assertThat(list.member(erasedEmails.getLast())).as("erased, then removed by the erasure's job")
                        .isNull();
            }
            // else the CRM never sent the address (a sign-up at the provider not yet pulled): the next sync removes it
        }

        private void remoteChange() {
            List<String> subscribed = new ArrayList<>(list.subscribed());
            // a sign-up the CRM has not heard of yet, undone before it does, reaches the CRM as nothing at all
            subscribed.removeIf(email -> !emails.containsValue(email) || signedUp.contains(email));
            boolean leave = !subscribed.isEmpty() && random.nextInt(4) > 0;
            if (leave) {
                String email = subscribed.get(random.nextInt(subscribed.size()));
                RemoteStatus status = LEAVING[random.nextInt(LEAVING.length)];
                RemoteStatusChange event = list.remoteChange(email, status, "reason " + random.nextInt(9));
                expected.add(new Expected(email, status, world.status(email), event, false));
                undelivered.add(event);
            } else if (!alive.isEmpty()) {
                // a sign-up on the provider's own form, by someone pending nothing there
                String email = emails.get(alive.get(random.nextInt(alive.size())));
                boolean pending = expected.stream().anyMatch(e -> e.email().equals(email));
                FakeEmailList.Member member = list.member(email);
                if (pending || member != null && member.status() != RemoteStatus.UNSUBSCRIBED
                        && member.status() != RemoteStatus.SUBSCRIBED) {
                    return;
                }
                undelivered.add(list.remoteChange(email, RemoteStatus.SUBSCRIBED, null));
                signedUp.add(email);
            }
            remoteSinceSync++;
        }

        private void deliverWebhooks() throws Exception {
            if (undelivered.isEmpty()) {
                return;
            }
            List<RemoteStatusChange> batch = new ArrayList<>();
            for (RemoteStatusChange event : undelivered) {
                if (random.nextBoolean()) {
                    batch.add(event);
                }
            }
            undelivered.removeAll(batch);
            webhooks.receive(FakeLists.PLUGIN, list.id(), FakeEmailList.webhook(FakeEmailList.SECRET, batch));
            if (random.nextInt(3) == 0) {
                WebhookReceipt again = webhooks.receive(FakeLists.PLUGIN, list.id(),
                        FakeEmailList.webhook(FakeEmailList.SECRET, batch)).orElseThrow();
                assertThat(again.duplicates()).as("a webhook delivered twice").isEqualTo(batch.size());
                assertThat(again.applied()).isZero();
            }
            checkExpected(batch.stream().map(RemoteStatusChange::eventId).toList());
        }

        private void dryRunThenSync() throws Exception {
            RecordingJobContext dry = new RecordingJobContext();
            long dryRunId = world.engine.dryRun(world.provider(list), dry);
            SyncPlan planned = world.run(dryRunId).planned();
            boolean remoteQuiet = remoteSinceSync == 0;
            RecordingJobContext job = new RecordingJobContext();
            SyncRun run = world.run(world.sync(list, job));
            afterCompletedSync();
            if (remoteQuiet && job.counter("pulled back") == 0 && job.counter("marked to send again") == 0) {
                assertThat(run.planned()).as("the dry run's plan is the sync's plan").isEqualTo(planned);
                assertThat(new SyncPlan(run.added(), run.updated(), run.unsubscribed(), run.removed()))
                        .as("the sync did what the dry run said").isEqualTo(planned);
            }
        }

        private void sync() throws Exception {
            SyncRun run = world.run(world.sync(list));
            assertThat(new SyncPlan(run.added(), run.updated(), run.unsubscribed(), run.removed()))
                    .as("a sync does what it planned").isEqualTo(run.planned());
            afterCompletedSync();
        }

        private void cancelledSync() throws Exception {
            RecordingJobContext job = new RecordingJobContext();
            int stopAfter = 1 + random.nextInt(3);
            AtomicInteger calls = new AtomicInteger();
            var check = list;
            list.beforePush(members -> {
                members.stream().filter(ListMember::subscribed)
                        .filter(m -> !"SUBSCRIBED".equals(statusOrNull(m.email())))
                        .forEach(m -> violations.add(m.email() + " sent as subscribed while protected"));
                if (calls.incrementAndGet() == stopAfter) {
                    job.cancel();
                }
            });
            try {
                world.sync(check, job);
            } catch (JobCancelledException expectedCancel) {
                // it stopped midway, as asked
            } finally {
                list.beforePush(members -> members.stream().filter(ListMember::subscribed)
                        .filter(m -> !"SUBSCRIBED".equals(statusOrNull(m.email())))
                        .forEach(m -> violations.add(m.email() + " sent as subscribed while protected")));
            }
            // pull-back ran before the push, so the provider's changes have arrived
            pulledBack();
        }

        private void afterCompletedSync() {
            pulledBack();
            for (String email : list.subscribed()) {
                assertThat(statusOrNull(email)).as("%s is subscribed at the provider after a sync", email)
                        .isEqualTo("SUBSCRIBED");
            }
            for (String erased : erasedEmails) {
                assertThat(list.member(erased)).as("erased %s at the provider", erased).isNull();
            }
        }

        private void pulledBack() {
            remoteSinceSync = 0;
            signedUp.clear();
            undelivered.clear();
            checkExpected(null);
        }

        /** Checks the expected changes (those with the given event ids, or all), then forgets them. */
        private void checkExpected(List<String> eventIds) {
            List<Expected> due = expected.stream()
                    .filter(e -> eventIds == null || eventIds.contains(e.event().eventId())).toList();
            for (Expected e : due) {
                String status = world.status(e.email());
                assertThat(SubscriptionStatus.valueOf(status).isProtected())
                        .as("%s left at the provider (%s) and is %s in the CRM", e.email(), e.status(), status)
                        .isTrue();
                String wanted = switch (e.status()) {
                    case UNSUBSCRIBED -> "UNSUBSCRIBED";
                    case BOUNCED -> "BOUNCING";
                    default -> "SPAM_COMPLAINT";
                };
                if (!wanted.equals(e.statusBefore()) && !e.crmChangedSince()) {
                    long rows = world.jdbc.sql("""
                            SELECT count(*) FROM subscription_event
                            WHERE email = ? AND status = ? AND source = ? AND cause LIKE ?""")
                            .param(e.email()).param(wanted).param(list.sourceLabel())
                            .param("% at " + list.displayName() + ": " + e.event().reason())
                            .query(Long.class).single();
                    assertThat(rows).as("history of %s has the provider's %s", e.email(), e.status()).isPositive();
                }
            }
            expected.removeAll(due);
        }

        private String statusOrNull(String email) {
            return world.jdbc.sql("SELECT status FROM person_email WHERE email = ?").param(email)
                    .query(String.class).optional().orElse(null);
        }
    }
}
