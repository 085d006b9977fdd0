package org.grassroots.crm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.grassroots.plugins.emaillistsync.mailchimp.FakeMailchimp;

/**
 * {@link FakeMailchimp} in a JVM of its own, so a benchmark can push a million members into it while the application's
 * JVM keeps its 512 MB heap cap for the application alone (the fake holds every member with its merge fields in
 * memory, an estimated 0.8 KB each). The child answers one-line commands on its standard input: {@code stats}, {@code reset},
 * {@code member <email>} and {@code exit}.
 */
final class FakeMailchimpProcess implements AutoCloseable {

    /** What the fake saw since the last reset, and what it holds. */
    record Stats(int calls, Map<String, Integer> callsByKind, int maxInFlight, int maxBatchSize, int refusedOverLimit,
            long sentInBatchSubscribeCalls, int members, int subscribed, long subscribedDigest) {
    }

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final String baseUrl;
    private final String apiKey;
    private final String listId;

    private FakeMailchimpProcess(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String[] ready = line("ready").split(" ");
        this.baseUrl = ready[1];
        this.apiKey = ready[2];
        this.listId = ready[3];
    }

    /**
     * Starts the fake in a child JVM with the test's class path.
     *
     * @param heap        the child's {@code -Xmx}, for example {@code 3g}
     * @param latency     how long the fake takes to answer each API call
     * @param batchPolls  status polls until a batch operation is finished
     */
    static FakeMailchimpProcess start(String heap, Duration latency, int batchPolls) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseParallelGC", "-cp", classPath,
                FakeMailchimpProcess.class.getName(), Long.toString(latency.toMillis()), Integer.toString(batchPolls))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new FakeMailchimpProcess(process);
    }

    String baseUrl() {
        return baseUrl;
    }

    String apiKey() {
        return apiKey;
    }

    String listId() {
        return listId;
    }

    /** The child's process id, to name it in a report. */
    long pid() {
        return process.pid();
    }

    synchronized Stats stats() throws IOException {
        in.println("stats");
        String[] f = line("stats").split(" ");
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (String pair : (f.length > 9 ? f[9] : "").split(",")) {
            if (!pair.isEmpty()) {
                byKind.put(pair.substring(0, pair.lastIndexOf('=')),
                        Integer.parseInt(pair.substring(pair.lastIndexOf('=') + 1)));
            }
        }
        return new Stats(Integer.parseInt(f[1]), byKind, Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                Integer.parseInt(f[4]), Long.parseLong(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]),
                Long.parseLong(f[8]));
    }

    /** Forgets the calls and maxima (not the members). */
    synchronized void resetStats() throws IOException {
        in.println("reset");
        line("ok");
    }

    /** The member's status and last name as the fake holds them, or "none". */
    synchronized String member(String email) throws IOException {
        in.println("member " + email);
        return line("member").substring("member ".length());
    }

    @Override
    public void close() throws InterruptedException {
        in.println("exit");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private String line(String expected) throws IOException {
        String line = out.readLine();
        if (line == null || !line.startsWith(expected)) {
            throw new IOException("The fake Mailchimp process answered '" + line + "' instead of " + expected);
        }
        return line;
    }

    /**
     * The same digest of a set of addresses that the benchmark computes in SQL: the sum, as a long, of the first 32
     * bits (signed) of each lower-case address's MD5.
     */
    static int digest(String email) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(email.toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return ((md5[0] & 0xff) << 24) | ((md5[1] & 0xff) << 16) | ((md5[2] & 0xff) << 8) | (md5[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The child: {@code FakeMailchimpProcess <latency ms> <batch polls>}. */
    public static void main(String[] args) throws IOException {
        PrintStream reply = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (FakeMailchimp fake = FakeMailchimp.start()) {
            fake.recordSentMembers(false).latency(Duration.ofMillis(Long.parseLong(args[0])))
                    .batchPollsUntilFinished(Integer.parseInt(args[1]));
            reply.println("ready " + fake.baseUrl() + " " + fake.apiKey() + " " + fake.listId());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null && !command.equals("exit");
                    command = commands.readLine()) {
                if (command.equals("stats")) {
                    reply.println(stats(fake));
                } else if (command.equals("reset")) {
                    fake.resetStats();
                    reply.println("ok");
                } else if (command.startsWith("member ")) {
                    reply.println("member " + fake.member(command.substring(7)).map(m -> m.status() + " "
                            + m.mergeFields().get("LNAME")).orElse("none"));
                } else {
                    reply.println("unknown " + command);
                }
            }
        }
    }

    private static String stats(FakeMailchimp fake) {
        List<FakeMailchimp.Call> calls = fake.calls();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (FakeMailchimp.Call call : calls) {
            String path = call.path().replaceAll("/batches/[^/]+", "/batches/{id}")
                    .replaceAll("/results/[^/]+", "/results/{id}").replaceAll("/lists/[^/]+", "/lists/{id}")
                    .replaceAll("/members/[^/]+/", "/members/{hash}/");
            byKind.merge(call.method() + "_" + path, 1, Integer::sum);
        }
        List<String> kinds = new ArrayList<>();
        byKind.forEach((kind, count) -> kinds.add(kind + "=" + count));
        long[] subscribed = new long[2];
        fake.members().filter(member -> member.status().equals("subscribed")).forEach(member -> {
            subscribed[0]++;
            subscribed[1] += digest(member.email());
        });
        return "stats " + calls.size() + " " + fake.maxInFlight() + " " + fake.maxBatchSize() + " "
                + fake.refusedOverLimit() + " " + calls.stream().mapToLong(FakeMailchimp.Call::batchSize).sum() + " "
                + fake.memberCount() + " " + subscribed[0] + " " + subscribed[1] + " "
                + String.join(",", kinds);
    }
}
