package org.grassroots.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.demo.DemoDataService;
import org.grassroots.crm.jobs.JobAwait;
import org.grassroots.crm.jobs.JobLogLine;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.jobs.JobSummary;
import org.grassroots.crm.listsync.ListSyncService;
import org.grassroots.crm.listsync.SyncList;
import org.grassroots.crm.listsync.SyncRun;
import org.grassroots.crm.listsync.SyncRunStatus;
import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingsDescriptor;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginExtension;
import org.grassroots.crm.pluginhost.PluginSettingsService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 6's list sync targets end to end: {@code crm.bench.supporters} demo supporters (1.2M by default), the real
 * email-list-sync plugin jar, its Mailchimp provider configured through the plugin settings service (segment:
 * everyone) and pointed at {@code FakeMailchimp} over HTTP, and every run started through {@link ListSyncService} as
 * an organizer, in the application's JVM capped at 512 MB of heap. The fake runs in a JVM of its own
 * ({@link FakeMailchimpProcess}), because it holds the million members in memory. Measured: a dry run, the first
 * full sync (Mailchimp batch operations, 10 connections), an incremental sync after 1,000 edits, and a dry run with
 * the list in sync. Fails if a Mailchimp limit is broken (more than 10 requests in flight, more than 500 members in
 * one batch-subscribe operation, a 429 for too many connections) or if the fake does not hold exactly the eligible
 * members. Baseline, in the same run: a bare {@link HttpClient} POSTing the same number of members in 500-member
 * batch-subscribe calls from 10 threads into a fresh fake. Run with
 * {@code ./mvnw -Pbench verify -pl crm-ui -am -Dtest=ListSyncMailchimpBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=none}.
 */
@SpringBootTest(properties = "crm.list-sync.max-concurrency=10")
class ListSyncMailchimpBenchmark {

    private static final Path PLUGIN_JAR = Path.of("../plugins/email-list-sync/target/email-list-sync-1.0.0.jar");
    private static final String PLUGIN = "email-list-sync";
    private static final int EDITS = 1_000;
    /** Each API call of the fake takes at least this long, as in MailchimpPushBenchmark, so that calls overlap. */
    private static final Duration LATENCY = Duration.ofMillis(Integer.getInteger("crm.bench.mailchimp.latencyMs", 25));
    /** The fake's heap: a member with its merge fields takes about 0.8 KB there. */
    private static final String FAKE_HEAP = System.getProperty("crm.bench.mailchimp.fakeHeap", "3g");
    private static final String ELIGIBLE = """
            FROM person p JOIN person_email pe ON pe.person_id = p.id AND pe.is_primary
            WHERE pe.status = 'SUBSCRIBED' AND p.merged_into_id IS NULL AND p.erased_at IS NULL""";

    @Autowired DemoDataService demoData;
    @Autowired PluginAdminService plugins;
    @Autowired PluginCalls pluginCalls;
    @Autowired PluginSettingsService pluginSettings;
    @Autowired ListSyncService lists;
    @Autowired JobService jobs;
    @Autowired JdbcClient jdbc;

    @Test
    void syncsAMillionSupportersIntoTheMailchimpFake() throws Exception {
        int supporters = Integer.getInteger("crm.bench.supporters", 1_200_000);
        List<String> table = new ArrayList<>();
        long seedStart = System.nanoTime();
        // what crm-core's DemoLoad does for the other benchmarks (same seed, so the same supporters)
        long present = jdbc.sql("SELECT count(*) FROM person WHERE demo").query(Long.class).single();
        if (present < supporters) {
            demoData.generate(supporters - (int) present, 42, step -> { });
        }
        table.add(row("demo data: " + String.format("%,d", supporters) + " supporters (setup)", seconds(seedStart),
                "", "", "", "", ""));
        long eligible = jdbc.sql("SELECT count(*) " + ELIGIBLE).query(Long.class).single();
        long eligibleDigest = jdbc.sql("SELECT coalesce(sum(('x' || substr(md5(lower(pe.email)), 1, 8))::bit(32)::int),"
                + " 0) " + ELIGIBLE).query(Long.class).single();

        Baseline baseline = bareBatchSubscribe((int) eligible);
        double baselineRate = eligible / baseline.seconds();
        table.add(row(String.format("bare HttpClient: %,d members, 500 a POST, 10 threads (baseline)", eligible),
                baseline.seconds(), String.format("%,.0f", baselineRate), Integer.toString(baseline.calls()),
                baseline.maxInFlight() + " / 500", "", "1.00"));

        try (FakeMailchimpProcess fake = FakeMailchimpProcess.start(FAKE_HEAP, LATENCY, 1)) {
            TestSecurity.signInAs("admin", Role.ADMIN);
            if (plugins.find(PLUGIN).isEmpty()) {
                try (InputStream jar = Files.newInputStream(PLUGIN_JAR)) {
                    plugins.install(PLUGIN_JAR.getFileName().toString(), jar);
                }
            }
            configure(fake);

            TestSecurity.signInAs("organizer", Role.ORGANIZER);
            SyncList list = lists.lists().stream().filter(l -> l.pluginId().equals(PLUGIN)
                    && l.displayName().equals("Mailchimp")).findFirst().orElseThrow();
            assertThat(list.configured()).isTrue();
            HeapSampler heap = new HeapSampler();

            Timed dryRun = run(list.key(), true);
            assertThat(dryRun.run().planned().add()).as("the plan adds every eligible supporter").isEqualTo(eligible);
            table.add(row("dry run before the first sync: " + dryRun.run().planned(), dryRun.seconds(), "", "", "",
                    "< 30 s", ""));

            fake.resetStats();
            Timed first = run(list.key(), false);
            FakeMailchimpProcess.Stats firstStats = fake.stats();
            double firstRate = first.run().added() / first.seconds();
            table.add(row(String.format("**first full sync**: %,d added, %,d failed (batch operations of 5,000)",
                    first.run().added(), first.run().failed()), first.seconds(), String.format("%,.0f", firstRate),
                    firstStats.calls() + " " + firstStats.callsByKind(),
                    firstStats.maxInFlight() + " / " + firstStats.maxBatchSize(), "≤ 10 in flight, ≤ 500 a batch",
                    String.format(Locale.ROOT, "%.2f", baselineRate / firstRate)));
            assertThat(first.run().added()).isEqualTo(eligible);
            assertThat(first.run().failed()).isZero();
            checkLimits("first sync", firstStats);
            checkHoldsExactly(firstStats, eligible, eligibleDigest);

            List<Long> edited = jdbc.sql("""
                    SELECT pe.person_id FROM person_email pe TABLESAMPLE SYSTEM (1)
                    JOIN person p ON p.id = pe.person_id
                    WHERE pe.is_primary AND pe.status = 'SUBSCRIBED' AND p.merged_into_id IS NULL
                      AND p.erased_at IS NULL LIMIT :n""").param("n", EDITS).query(Long.class).list();
            jdbc.sql("UPDATE person SET last_name = coalesce(last_name, '') || 'x', updated_at = now() "
                    + "WHERE id = ANY(CAST(:ids AS bigint[]))")
                    .param("ids", edited.stream().mapToLong(Long::longValue).toArray()).update();
            String editedEmail = jdbc.sql("SELECT email FROM person_email WHERE person_id = :id AND is_primary")
                    .param("id", edited.getFirst()).query(String.class).single();
            String editedName = jdbc.sql("SELECT last_name FROM person WHERE id = :id")
                    .param("id", edited.getFirst()).query(String.class).single();

            fake.resetStats();
            Timed incremental = run(list.key(), false);
            FakeMailchimpProcess.Stats incrementalStats = fake.stats();
            table.add(row(String.format("incremental sync after %,d edits: %,d updated, %,d members sent, "
                    + "%,d pulled back", edited.size(), incremental.run().updated(),
                    incrementalStats.sentInBatchSubscribeCalls(), incremental.run().pulledBack()),
                    incremental.seconds(), "", incrementalStats.calls() + " " + incrementalStats.callsByKind(),
                    incrementalStats.maxInFlight() + " / " + incrementalStats.maxBatchSize(), "sends ≈ the edits",
                    ""));
            List<JobLogLine> incrementalLog = jobs.log(incremental.job().id());
            table.add(row("… of which pull-back (reads back every member the first sync pushed: Mailchimp's "
                    + "last_changed is after the previous pull began)", between(incrementalLog, "Pulling back",
                    "Pull-back read"), "", "", "", "", ""));
            table.add(row("… of which plan and push", between(incrementalLog, "Pull-back read", "Finished"), "", "",
                    "", "", ""));
            assertThat(incremental.run().updated()).isEqualTo(edited.size());
            assertThat(incrementalStats.sentInBatchSubscribeCalls()).isEqualTo(edited.size());
            checkLimits("incremental sync", incrementalStats);
            checkHoldsExactly(incrementalStats, eligible, eligibleDigest);
            assertThat(fake.member(editedEmail)).isEqualTo("subscribed " + editedName);

            Timed inSync = run(list.key(), true);
            table.add(row("dry run with the list in sync: " + inSync.run().planned(), inSync.seconds(), "", "", "",
                    "< 30 s", ""));
            assertThat(inSync.run().planned().total()).isZero();
            heap.stop();
            table.add(row(String.format("peak heap used by the application (JVM capped at -Xmx%d MB; the fake "
                    + "runs in its own JVM)", Runtime.getRuntime().maxMemory() / (1024 * 1024)),
                    heap.peak() / (1024 * 1024) + " MB", "", "", "", "< 512 MB", ""));
            print(supporters, eligible, table, incremental.job(), jobs.log(incremental.job().id()));
        }
    }

    private record Timed(double seconds, JobSummary job, SyncRun run) {
    }

    private Timed run(String listKey, boolean dryRun) throws InterruptedException {
        long start = System.nanoTime();
        long jobId = lists.startSync(listKey, dryRun);
        JobSummary job = JobAwait.ended(jobs, jobId, Duration.ofMinutes(45));
        double took = seconds(start);
        assertThat(job.state()).as(job.title() + ": " + job.error()).isEqualTo(JobState.SUCCEEDED);
        SyncRun run = lists.runs(listKey, 5).stream().filter(r -> Long.valueOf(jobId).equals(r.jobId()))
                .findFirst().orElseThrow();
        assertThat(run.status()).isEqualTo(SyncRunStatus.DONE);
        return new Timed(took, job, run);
    }

    /** The admin saves the Mailchimp section of the plugin's settings, as the Plugins screen's dialog does. */
    private void configure(FakeMailchimpProcess fake) {
        PluginExtension<SettingsDescriptor> descriptor = pluginCalls.extensions(SettingsDescriptor.class).stream()
                .filter(extension -> extension.pluginId().equals(PLUGIN)).findFirst().orElseThrow();
        List<SettingField> fields = pluginCalls.call(descriptor, "list its settings", SettingsDescriptor::fields);
        pluginSettings.save(PLUGIN, fields, Map.of("mailchimp.apiKey", fake.apiKey(), "mailchimp.baseUrl",
                fake.baseUrl(), "mailchimp.listId", fake.listId(), "mailchimp.segment.tags", "",
                "mailchimp.segment.states", "", "mailchimp.segment.petition", ""),
                values -> pluginCalls.call(descriptor, "check its settings", d -> d.validate(values)));
    }

    private static void checkLimits(String what, FakeMailchimpProcess.Stats stats) {
        assertThat(stats.maxInFlight()).as(what + ": requests in flight at the fake").isLessThanOrEqualTo(10);
        assertThat(stats.maxBatchSize()).as(what + ": members in one batch-subscribe operation")
                .isLessThanOrEqualTo(500);
        assertThat(stats.refusedOverLimit()).as(what + ": 429 for too many connections").isZero();
    }

    private static void checkHoldsExactly(FakeMailchimpProcess.Stats stats, long eligible, long digest) {
        assertThat(stats.members()).as("members the fake holds").isEqualTo(eligible);
        assertThat(stats.subscribed()).as("subscribed members the fake holds").isEqualTo(eligible);
        assertThat(stats.subscribedDigest()).as("digest of the subscribed addresses (fake vs CRM)").isEqualTo(digest);
    }

    private record Baseline(double seconds, int calls, int maxInFlight) {
    }

    /** Batch-subscribe bodies of the plugin's shape, built per call, POSTed by 10 threads with no limit or retry. */
    private static Baseline bareBatchSubscribe(int members) throws Exception {
        try (FakeMailchimpProcess fake = FakeMailchimpProcess.start(FAKE_HEAP, LATENCY, 1)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString(("x:" + fake.apiKey())
                    .getBytes(StandardCharsets.UTF_8));
            URI uri = URI.create(fake.baseUrl() + "/lists/" + fake.listId());
            AtomicInteger calls = new AtomicInteger();
            AtomicLong next = new AtomicLong();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Future<?>> threads = new ArrayList<>();
                for (int t = 0; t < 10; t++) {
                    threads.add(pool.submit(() -> {
                        for (long from = next.getAndAdd(500); from < members; from = next.getAndAdd(500)) {
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                                    .header("Authorization", auth).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body(from, Math.min(members, from + 500))))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            calls.incrementAndGet();
                            if (response.statusCode() != 200 || !response.body().contains("\"error_count\":0")) {
                                throw new IOException("baseline call answered " + response.statusCode());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> thread : threads) {
                    thread.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double took = seconds(start);
            FakeMailchimpProcess.Stats stats = fake.stats();
            assertThat(stats.members()).isEqualTo(members);
            return new Baseline(took, calls.get(), stats.maxInFlight());
        }
    }

    private static String body(long from, long to) {
        StringBuilder body = new StringBuilder("{\"members\":[");
        for (long i = from; i < to; i++) {
            body.append(i == from ? "" : ",").append("{\"email_address\":\"supporter").append(i)
                    .append("@baseline.example.org\",\"status\":\"subscribed\",\"merge_fields\":{\"FNAME\":\"First")
                    .append(i).append("\",\"LNAME\":\"Last\",\"ZIP\":\"50309\",\"STATE\":\"IA\"},\"tags\":[\"volunteer\"]}");
        }
        return body.append("],\"update_existing\":true,\"sync_tags\":false}").toString();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String row(String what, double seconds, String rate, String calls, String limits, String target,
            String ratio) {
        return row(what, String.format(Locale.ROOT, "%.1f s", seconds), rate, calls, limits, target, ratio);
    }

    private static String row(String what, String time, String rate, String calls, String limits, String target,
            String ratio) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |", what, time, rate, calls, limits,
                target, ratio);
    }

    /** Seconds between the first job log lines starting with {@code from} and {@code to}. */
    private static double between(List<JobLogLine> log, String from, String to) {
        java.time.Instant start = log.stream().filter(l -> l.line().startsWith(from)).findFirst().orElseThrow()
                .loggedAt();
        java.time.Instant end = log.stream().filter(l -> l.line().startsWith(to)).findFirst().orElseThrow()
                .loggedAt();
        return Duration.between(start, end).toMillis() / 1000.0;
    }

    private static void print(int supporters, long eligible, List<String> table, JobSummary job, List<JobLogLine> log)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of("", String.format("### List sync into FakeMailchimp over HTTP, "
                + "%,d supporters, %,d eligible (%d cores, fake answers each call after %d ms)", supporters, eligible,
                Runtime.getRuntime().availableProcessors(), LATENCY.toMillis()), "",
                "| operation | time | members/s | HTTP calls at the fake | max in flight / max batch | target "
                        + "| baseline rate ÷ rate |", "|---|---:|---:|---|---|---|---:|"));
        lines.addAll(table);
        lines.add("");
        lines.add("Incremental sync: job #" + job.id() + " " + job.state() + "; counters: " + job.counts());
        log.forEach(line -> lines.add("    " + line.loggedAt() + "  " + line.line()));
        String text = String.join("\n", lines);
        System.out.println(text);
        String report = System.getProperty("crm.bench.report");
        if (report != null) {
            Files.writeString(Path.of(report), text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
