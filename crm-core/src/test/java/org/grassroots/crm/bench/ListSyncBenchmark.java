package org.grassroots.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.grassroots.crm.demo.DemoDataService;
import org.grassroots.crm.listsync.FakeLists;
import org.grassroots.crm.listsync.SyncPlan;
import org.grassroots.crm.listsync.SyncWorld;
import org.grassroots.crm.listsync.internal.ListProvider;
import org.grassroots.crm.listsync.internal.ListSyncEngine;
import org.grassroots.crm.plugin.api.email.ConnectionCheck;
import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.MemberOutcome;
import org.grassroots.crm.plugin.api.email.PullPage;
import org.grassroots.crm.plugin.api.email.RemoteMember;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 6's list sync targets at the size given by {@code crm.bench.supporters} (1.2M by default), against an
 * in-process provider that only counts what it receives (so the figures are the CRM's side: plan, cursor, batches,
 * re-checks and member rows): the dry run's plan, the first full sync, and an incremental sync after 1,000 edits.
 * Baseline: counting the subscribed primary addresses in one query, in the same run. Run with
 * {@code ./mvnw -Pbench verify -pl crm-core -am -Dtest=ListSyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
@Import(FakeLists.Config.class)
class ListSyncBenchmark {

    private static final int EDITS = 1_000;

    @Autowired
    DemoDataService demoData;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyncWorld world;

    @Test
    void planAndSyncAtScale() throws Exception {
        int supporters = Integer.getInteger("crm.bench.supporters", 1_200_000);
        Timings timings = new Timings("List sync, " + String.format("%,d", supporters) + " supporters ("
                + Runtime.getRuntime().availableProcessors() + " cores)");
        DemoLoad.ensure(demoData, jdbc, supporters, timings);
        CountingList list = world.lists.add(new CountingList("bench-" + System.nanoTime()));
        ListProvider provider = world.provider(list);
        ListSyncEngine engine = world.engine;

        timings.baseline("count subscribed primary addresses (baseline)", 1, 3, i -> jdbc.sql("""
                SELECT count(*) FROM person p JOIN person_email pe ON pe.person_id = p.id AND pe.is_primary
                WHERE pe.status = 'SUBSCRIBED' AND p.merged_into_id IS NULL AND p.erased_at IS NULL""")
                .query(Long.class).single());
        SyncPlan[] first = new SyncPlan[1];
        timings.measure("dry run before the first sync (one aggregate query)", "< 30 s", 0, 2,
                i -> first[0] = engine.plan(provider));
        System.out.println("Plan before the first sync: " + first[0]);

        long start = System.nanoTime();
        engine.sync(provider, ListSyncEngine.Mode.FULL, null, new RecordingJobContext());
        double firstMillis = (System.nanoTime() - start) / 1e6;
        long sent = list.members.sum();
        assertThat(sent).isEqualTo(first[0].add());
        timings.once(String.format("first full sync: %,d members in %,d bulk calls (%,.0f members/s)", sent,
                list.calls.sum(), sent / (firstMillis / 1000)), "throughput", firstMillis);

        SyncPlan[] inSync = new SyncPlan[1];
        timings.measure("dry run with the list in sync", "< 30 s", 0, 2, i -> inSync[0] = engine.plan(provider));
        assertThat(inSync[0].total()).isZero();

        List<Long> edited = jdbc.sql("""
                SELECT pe.person_id FROM person_email pe TABLESAMPLE SYSTEM (1)
                WHERE pe.is_primary AND pe.status = 'SUBSCRIBED' LIMIT :n""").param("n", EDITS)
                .query(Long.class).list();
        jdbc.sql("UPDATE person SET last_name = coalesce(last_name, '') || 'x', updated_at = now() "
                + "WHERE id = ANY(CAST(:ids AS bigint[]))")
                .param("ids", edited.stream().mapToLong(Long::longValue).toArray()).update();
        list.members.reset();
        list.calls.reset();
        start = System.nanoTime();
        engine.sync(provider, ListSyncEngine.Mode.FULL, null, new RecordingJobContext());
        double incrementalMillis = (System.nanoTime() - start) / 1e6;
        timings.once(String.format("incremental sync after %,d edits: %,d members sent in %,d calls", edited.size(),
                list.members.sum(), list.calls.sum()), "sends ≈ the edits", incrementalMillis);
        assertThat(list.members.sum()).isEqualTo(edited.size());
        timings.report();
        world.lists.remove(list);
    }

    /** A provider that accepts everything and counts it; Mailchimp's sizes (500 per call, 10 connections). */
    static final class CountingList implements EmailListProvider {

        final LongAdder members = new LongAdder();
        final LongAdder calls = new LongAdder();
        private final String id;

        CountingList(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return "Counting list";
        }

        @Override
        public boolean isConfigured() {
            return true;
        }

        @Override
        public String sourceLabel() {
            return "bench:" + id;
        }

        @Override
        public Segment segment() {
            return Segment.EVERYONE;
        }

        @Override
        public ConnectionCheck testConnection() {
            return new ConnectionCheck(true, "counting");
        }

        @Override
        public int maxBatchSize() {
            return 500;
        }

        @Override
        public int maxBulkSize() {
            return 5_000;
        }

        @Override
        public int maxConcurrentCalls() {
            return 10;
        }

        @Override
        public List<MemberOutcome> push(List<ListMember> batch, JobContext job) {
            return accept(batch);
        }

        @Override
        public List<MemberOutcome> pushBulk(List<ListMember> batch, JobContext job) {
            return accept(batch);
        }

        private List<MemberOutcome> accept(List<ListMember> batch) {
            calls.increment();
            members.add(batch.size());
            List<MemberOutcome> outcomes = new ArrayList<>(batch.size());
            batch.forEach(m -> outcomes.add(new MemberOutcome(m.email(), MemberOutcome.Result.ADDED, null,
                    Integer.toHexString(m.email().hashCode()))));
            return outcomes;
        }

        @Override
        public List<MemberOutcome> remove(List<RemoteMember> batch, JobContext job) {
            return batch.stream().map(m -> new MemberOutcome(m.emailSha256(), MemberOutcome.Result.REMOVED, null))
                    .toList();
        }

        @Override
        public PullPage pull(@Nullable String cursor, long sinceEpochSecond) throws IOException {
            return new PullPage(List.of(), null);
        }
    }
}
