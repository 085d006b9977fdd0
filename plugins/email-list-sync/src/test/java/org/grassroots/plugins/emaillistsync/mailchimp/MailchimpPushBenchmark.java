package org.grassroots.plugins.emaillistsync.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.MemberOutcome;
import org.grassroots.crm.plugin.api.testing.InMemoryPluginSettings;
import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.junit.jupiter.api.Test;

/**
 * How fast {@link MailchimpProvider#push} sends 200,000 members (500 a call) into {@link FakeMailchimp} from 10 and
 * from 20 threads, against a bare baseline measured in the same run: the same request bodies POSTed by a plain
 * {@link HttpClient} from 10 threads with no limit, retries or outcome mapping. Fails if a Mailchimp limit is broken:
 * more than 10 requests in flight, a batch over 500 members, or a 429 for too many connections. Run with
 * {@code ./mvnw -Pbench verify -pl plugins/email-list-sync -am} (members: {@code -Dcrm.bench.mailchimp.members=N}).
 */
class MailchimpPushBenchmark {

    /** Mailchimp takes seconds for a batch of 500; the fake waits this long per call so that calls overlap. */
    private static final java.time.Duration LATENCY = java.time.Duration.ofMillis(
            Integer.getInteger("crm.bench.mailchimp.latencyMs", 25));

    private record Run(String name, long millis, int maxInFlight, int maxBatch, int refused) {
    }

    @Test
    void pushesTwoHundredThousandMembersWithinMailchimpsLimits() throws Exception {
        int total = Integer.getInteger("crm.bench.mailchimp.members", 200_000);
        List<List<ListMember>> batches = new ArrayList<>();
        for (int from = 0; from < total; from += 500) {
            int start = from;
            batches.add(IntStream.range(start, Math.min(total, start + 500)).mapToObj(i -> new ListMember(
                    "supporter" + i + "@example.org", i % 20 != 0, "First" + i, "Last", "50309", "IA",
                    Set.of("volunteer"))).toList());
        }
        bare(batches.subList(0, Math.min(40, batches.size())));
        provider(batches.subList(0, Math.min(40, batches.size())), 10);
        List<Run> runs = new ArrayList<>();
        runs.add(bare(batches));
        runs.add(provider(batches, 10));
        runs.add(provider(batches, 20));

        StringBuilder table = new StringBuilder("""

                ### Mailchimp push, %,d members in batches of 500, into FakeMailchimp on localhost answering each call after %d ms (%d cores, after a warm-up)

                | run | ms | members/s | × baseline | max in flight | max batch | 429 over limit |
                |---|---:|---:|---:|---:|---:|---:|
                """.formatted(total, LATENCY.toMillis(), Runtime.getRuntime().availableProcessors()));
        long baseline = runs.getFirst().millis();
        for (Run run : runs) {
            table.append("| %s | %,d | %,d | %.2f | %d | %d | %d |%n".formatted(run.name(), run.millis(),
                    total * 1000L / Math.max(1, run.millis()), (double) run.millis() / Math.max(1, baseline),
                    run.maxInFlight(), run.maxBatch(), run.refused()));
        }
        System.out.println(table);
        String report = System.getProperty("crm.bench.report");
        if (report != null) {
            Files.writeString(Path.of(report), table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        for (Run run : runs.subList(1, runs.size())) {
            assertThat(run.maxInFlight()).as(run.name() + ": requests in flight").isLessThanOrEqualTo(10);
            assertThat(run.maxBatch()).as(run.name() + ": members per batch").isLessThanOrEqualTo(500);
            assertThat(run.refused()).as(run.name() + ": 429 for too many connections").isZero();
        }
    }

    private static Run provider(List<List<ListMember>> batches, int threads) throws Exception {
        try (FakeMailchimp fake = FakeMailchimp.start()) {
            fake.recordSentMembers(false).latency(LATENCY);
            MailchimpProvider provider = new MailchimpProvider(new InMemoryPluginSettings(MailchimpSettings.fields())
                    .set(MailchimpSettings.API_KEY, fake.apiKey()).set(MailchimpSettings.BASE_URL, fake.baseUrl())
                    .set(MailchimpSettings.LIST_ID, fake.listId()));
            AtomicLong failed = new AtomicLong();
            long start = System.nanoTime();
            runAll(threads, batches, batch -> {
                for (MemberOutcome outcome : provider.push(batch, new RecordingJobContext())) {
                    if (outcome.result() == MemberOutcome.Result.FAILED) {
                        failed.incrementAndGet();
                    }
                }
            });
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(failed.get()).as("failed members").isZero();
            return new Run("MailchimpProvider.push, " + threads + " threads", millis, fake.maxInFlight(),
                    fake.maxBatchSize(), fake.refusedOverLimit());
        }
    }

    /** The baseline: bodies built up front, POSTed with a plain client, ten threads, no limit or retries. */
    private static Run bare(List<List<ListMember>> batches) throws Exception {
        try (FakeMailchimp fake = FakeMailchimp.start()) {
            fake.recordSentMembers(false).latency(LATENCY);
            List<String> bodies = batches.stream().map(MemberBatch::body).toList();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString(("x:" + fake.apiKey())
                    .getBytes(StandardCharsets.UTF_8));
            URI uri = URI.create(fake.baseUrl() + "/lists/" + fake.listId());
            List<List<ListMember>> indexes = new ArrayList<>(batches);
            long start = System.nanoTime();
            AtomicLong next = new AtomicLong();
            runAll(10, indexes, ignored -> {
                String body = bodies.get((int) next.getAndIncrement());
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).header("Authorization", auth)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("baseline call answered " + response.statusCode());
                }
            });
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Run("bare HttpClient POSTs, 10 threads (baseline)", millis, fake.maxInFlight(),
                    fake.maxBatchSize(), fake.refusedOverLimit());
        }
    }

    private interface BatchTask {
        void run(List<ListMember> batch) throws Exception;
    }

    private static void runAll(int threads, List<List<ListMember>> batches, BatchTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<ListMember> batch : batches) {
                futures.add(pool.submit(() -> {
                    task.run(batch);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
