package org.grassroots.plugins.emaillistsync.mailchimp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Mailchimp Marketing API 3.0 stand-in on a real HTTP port, for contract tests, benchmarks and demos. It speaks
 * the documented shapes of the calls the provider makes: batch subscribe ({@code POST /lists/{id}}, at most 500
 * members, refusals in {@code errors[]} on HTTP 200), batch operations ({@code POST /batches}, polling
 * {@code GET /batches/{id}}, the results as a real {@code .tar.gz} at {@code response_body_url}), member listing
 * with {@code count}/{@code offset}/{@code since_last_changed}, {@code delete-permanent}, and {@code GET /lists/{id}}.
 * It checks Basic authentication with its key, answers 429 beyond 10 simultaneous requests like Mailchimp, and
 * keeps members in memory.
 *
 * <p>For tests it records every call, the most requests it had in flight at once and the largest batch it was sent,
 * and injects faults: the next N calls answer 429 (with {@code Retry-After}) or 503, or stall. An address containing
 * {@code invalid} is refused as Mailchimp refuses a fake-looking address.
 *
 * <p>Start it by hand for a demo with {@code java -cp … org.grassroots.plugins.emaillistsync.mailchimp.FakeMailchimp
 * 8089}; it prints the API URL, key and audience id to put in the plugin's settings.
 */
public final class FakeMailchimp implements AutoCloseable {

    /** The API key the fake accepts unless told another. */
    public static final String DEFAULT_API_KEY = "0123456789abcdef0123456789abcdef-us21";
    /** The audience id the fake has unless told another. */
    public static final String DEFAULT_LIST_ID = "a6b5da1054";
    /** Mailchimp's limit of simultaneous connections per key. */
    public static final int CONNECTION_LIMIT = 10;

    /** One request the fake received; {@code batchSize} is the members in a batch subscribe, else 0. */
    public record Call(String method, String path, String query, int batchSize) {
    }

    /** A member as the fake holds it. */
    public record Member(String email, String status, Map<String, String> mergeFields, Set<String> tags,
            Instant lastChanged, @Nullable String unsubscribeReason, long sequence) {
    }

    /** A member as one batch subscribe call sent it (only while {@link #recordSentMembers} is on). */
    public record SentMember(String email, String status, Map<String, String> mergeFields, List<String> tags) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LIST = Pattern.compile("/3\\.0/lists/([^/]+)");
    private static final Pattern MEMBERS = Pattern.compile("/3\\.0/lists/([^/]+)/members");
    private static final Pattern DELETE = Pattern.compile("/3\\.0/lists/([^/]+)/members/([^/]+)/actions/delete-permanent");
    private static final Pattern BATCH = Pattern.compile("/3\\.0/batches/([^/]+)");
    private static final Pattern RESULTS = Pattern.compile("/results/([^/]+)\\.tar\\.gz");

    private final String apiKey;
    private final String listId;
    private final String listName;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final Map<String, FakeBatch> batches = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SentMember> sent = new ConcurrentLinkedQueue<>();
    private final List<Fault> faults = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger maxBatchSize = new AtomicInteger();
    private final AtomicInteger refusedOverLimit = new AtomicInteger();
    private final AtomicInteger downloadsWithCredentials = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong batchIds = new AtomicLong(0x1a2b3c00L);
    private volatile boolean recordSent = true;
    private volatile Duration latency = Duration.ZERO;
    private volatile int pollsUntilFinished = 2;
    private volatile @Nullable Listing lastListing;

    private FakeMailchimp(int port, String apiKey, String listId, String listName) throws IOException {
        this.apiKey = apiKey;
        this.listId = listId;
        this.listName = listName;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A fake on a free port with the default key and audience. */
    public static FakeMailchimp start() throws IOException {
        return start(0, DEFAULT_API_KEY, DEFAULT_LIST_ID);
    }

    /** A fake on {@code port} (0 for a free one) accepting {@code apiKey}, holding the audience {@code listId}. */
    public static FakeMailchimp start(int port, String apiKey, String listId) throws IOException {
        return new FakeMailchimp(port, apiKey, listId, "Grassroots members");
    }

    /** Starts a fake for a demo: {@code FakeMailchimp [port]}; stops on Ctrl-C. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        FakeMailchimp fake = start(port, DEFAULT_API_KEY, DEFAULT_LIST_ID);
        System.out.println("Fake Mailchimp API at " + fake.baseUrl());
        System.out.println("  API key:     " + fake.apiKey());
        System.out.println("  audience id: " + fake.listId());
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
    }

    /** The API's base URL, for the {@code mailchimp.baseUrl} setting, for example http://127.0.0.1:40123/3.0. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/3.0";
    }

    public String apiKey() {
        return apiKey;
    }

    public String listId() {
        return listId;
    }

    /**
     * Mailchimp's member id: the MD5 of the lower-case address. Computed here, not borrowed from the provider, so the
     * fake stays an independent reading of the API (and needs none of the plugin's classes in crm-ui's tests).
     */
    static String subscriberHash(String email) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(email.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /** The member with this address, if the fake has one. */
    public Optional<Member> member(String email) {
        return Optional.ofNullable(members.get(subscriberHash(email)));
    }

    /** Every member the fake holds, in no particular order (a benchmark checks a million of them this way). */
    public java.util.stream.Stream<Member> members() {
        return members.values().stream();
    }

    /** How many members the fake holds, in any status. */
    public int memberCount() {
        return members.size();
    }

    /** Adds or replaces a member directly, as if it had been there before. */
    public void addMember(String email, String status, Instant lastChanged) {
        members.put(subscriberHash(email), new Member(email.toLowerCase(Locale.ROOT), status, Map.of(),
                Set.of(), lastChanged, null, sequence.incrementAndGet()));
    }

    /** The person unsubscribes at Mailchimp now (for pull-back tests). */
    public void unsubscribeAtMailchimp(String email, String reason) {
        changeStatus(email, "unsubscribed", reason);
    }

    /** Mailchimp cleans the address now, as after hard bounces (for pull-back tests). */
    public void cleanAtMailchimp(String email) {
        changeStatus(email, "cleaned", null);
    }

    private void changeStatus(String email, String status, @Nullable String reason) {
        members.compute(subscriberHash(email), (hash, member) -> {
            if (member == null) {
                throw new IllegalArgumentException("The fake has no member " + email);
            }
            return new Member(member.email(), status, member.mergeFields(), member.tags(), Instant.now(), reason,
                    member.sequence());
        });
    }

    // ---- what happened -----------------------------------------------------------------------------------------

    /** Every call so far, in arrival order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The most requests the fake was serving at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** The most members one batch subscribe (direct or inside a batch operation) carried. */
    public int maxBatchSize() {
        return maxBatchSize.get();
    }

    /** Requests the fake refused with 429 because more than {@value #CONNECTION_LIMIT} were in flight. */
    public int refusedOverLimit() {
        return refusedOverLimit.get();
    }

    /** Downloads of batch results that carried an {@code Authorization} header (the key would leak to S3). */
    public int downloadsWithCredentials() {
        return downloadsWithCredentials.get();
    }

    /** Every member the batch subscribe calls sent, in order (while recording is on). */
    public List<SentMember> sentMembers() {
        return List.copyOf(sent);
    }

    /** Whether to keep {@link #sentMembers()}; a benchmark turns it off to save memory. */
    public FakeMailchimp recordSentMembers(boolean record) {
        this.recordSent = record;
        return this;
    }

    /** Forgets the calls, the sent members and the maxima (not the members). */
    public void resetStats() {
        calls.clear();
        sent.clear();
        maxInFlight.set(0);
        maxBatchSize.set(0);
        refusedOverLimit.set(0);
    }

    // ---- behaviour ---------------------------------------------------------------------------------------------

    /** The next {@code count} API calls answer {@code status} (429 or 5xx), with {@code Retry-After} if given. */
    public synchronized FakeMailchimp failNext(int count, int status, @Nullable Integer retryAfterSeconds) {
        faults.add(new Fault(count, status, retryAfterSeconds, Duration.ZERO));
        return this;
    }

    /** The next {@code count} API calls wait {@code stall} before answering normally. */
    public synchronized FakeMailchimp stallNext(int count, Duration stall) {
        faults.add(new Fault(count, 0, null, stall));
        return this;
    }

    /** Every API call takes at least this long (so concurrent calls overlap). */
    public FakeMailchimp latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** How many status polls a batch operation takes to finish (default 2). */
    public FakeMailchimp batchPollsUntilFinished(int polls) {
        this.pollsUntilFinished = polls;
        return this;
    }

    private synchronized @Nullable Fault takeFault() {
        if (faults.isEmpty()) {
            return null;
        }
        Fault fault = faults.getFirst();
        if (--fault.remaining <= 0) {
            faults.removeFirst();
        }
        return fault;
    }

    private static final class Fault {
        int remaining;
        final int status;
        final @Nullable Integer retryAfter;
        final Duration stall;

        Fault(int remaining, int status, @Nullable Integer retryAfter, Duration stall) {
            this.remaining = remaining;
            this.status = status;
            this.retryAfter = retryAfter;
            this.stall = stall;
        }
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Matcher results = RESULTS.matcher(path);
        if (results.matches()) {
            calls.add(new Call(exchange.getRequestMethod(), path, query, 0));
            download(exchange, results.group(1));
            return;
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try {
            Reply reply;
            int batchSize = 0;
            if (now > CONNECTION_LIMIT) {
                refusedOverLimit.incrementAndGet();
                reply = problem(429, "Too Many Requests",
                        "You have exceeded the limit of 10 simultaneous connections.");
            } else {
                Fault fault = takeFault();
                pause(latency);
                if (fault != null && fault.stall.isPositive()) {
                    pause(fault.stall);
                }
                if (fault != null && fault.status > 0) {
                    reply = problem(fault.status, fault.status == 429 ? "Too Many Requests" : "Service Unavailable",
                            "Injected fault");
                    if (fault.retryAfter != null) {
                        reply.headers.put("Retry-After", fault.retryAfter.toString());
                    }
                } else if (!authorised(exchange)) {
                    reply = problem(401, "API Key Invalid", "Your API key may be invalid, or you've attempted to"
                            + " access the wrong datacenter.");
                } else {
                    JsonNode json = body.length == 0 ? null : JSON.readTree(body);
                    batchSize = json != null && json.has("members") ? json.get("members").size() : 0;
                    reply = route(exchange.getRequestMethod(), path, query(query), json);
                }
            }
            calls.add(new Call(exchange.getRequestMethod(), path, query, batchSize));
            // stop counting before the answer leaves, so the client can never start its next call while the fake
            // still counts this one
            inFlight.decrementAndGet();
            counted = false;
            send(exchange, reply);
        } catch (RuntimeException e) {
            send(exchange, problem(400, "Bad Request", String.valueOf(e.getMessage())));
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private Reply route(String method, String path, Map<String, String> query, @Nullable JsonNode body) {
        Matcher m;
        if ((m = LIST.matcher(path)).matches()) {
            if (!m.group(1).equals(listId)) {
                return problem(404, "Resource Not Found", "The requested resource could not be found.");
            }
            if ("GET".equals(method)) {
                ObjectNode list = JSON.createObjectNode().put("id", listId).put("name", listName);
                list.putObject("stats").put("member_count",
                        members.values().stream().filter(mb -> mb.status().equals("subscribed")).count());
                return Reply.json(200, list);
            }
            if ("POST".equals(method) && body != null) {
                return batchSubscribe(body);
            }
        } else if ((m = MEMBERS.matcher(path)).matches() && "GET".equals(method)) {
            return m.group(1).equals(listId) ? listMembers(query)
                    : problem(404, "Resource Not Found", "The requested resource could not be found.");
        } else if ((m = DELETE.matcher(path)).matches() && "POST".equals(method)) {
            if (!m.group(1).equals(listId) || members.remove(m.group(2)) == null) {
                return problem(404, "Resource Not Found", "The requested resource could not be found.");
            }
            return new Reply(204, new byte[0], new HashMap<>());
        } else if ("/3.0/batches".equals(path) && "POST".equals(method) && body != null) {
            return startBatch(body);
        } else if ((m = BATCH.matcher(path)).matches()) {
            FakeBatch batch = batches.get(m.group(1));
            if (batch == null) {
                return problem(404, "Resource Not Found", "The requested resource could not be found.");
            }
            if ("DELETE".equals(method)) {
                batches.remove(batch.id);
                return new Reply(204, new byte[0], new HashMap<>());
            }
            return Reply.json(200, poll(batch));
        }
        return problem(404, "Resource Not Found", "The requested resource could not be found.");
    }

    /** {@code POST /lists/{id}}: upserts up to 500 members; refusals go to {@code errors[]} on a 200. */
    private Reply batchSubscribe(JsonNode body) {
        JsonNode list = body.path("members");
        if (list.size() > 500) {
            return problem(400, "Invalid Resource", "The request can contain at most 500 members (was "
                    + list.size() + ")");
        }
        maxBatchSize.accumulateAndGet(list.size(), Math::max);
        boolean updateExisting = body.path("update_existing").asBoolean(false);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode created = answer.putArray("new_members");
        ArrayNode updated = answer.putArray("updated_members");
        ArrayNode errors = answer.putArray("errors");
        for (JsonNode sentMember : list) {
            String email = sentMember.path("email_address").asString("").toLowerCase(Locale.ROOT);
            String status = sentMember.path("status").asString("");
            Map<String, String> merge = new LinkedHashMap<>();
            sentMember.path("merge_fields").properties().forEach(e -> merge.put(e.getKey(), e.getValue().asString()));
            List<String> tags = new ArrayList<>();
            sentMember.path("tags").forEach(t -> tags.add(t.asString()));
            if (recordSent) {
                sent.add(new SentMember(email, status, merge, tags));
            }
            String refusal = email.contains("invalid") || !email.matches("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}")
                    ? email + " looks fake or invalid, please enter a real email address."
                    : !Set.of("subscribed", "unsubscribed", "cleaned", "pending").contains(status)
                    ? "Invalid status '" + status + "'" : null;
            String hash = subscriberHash(email);
            if (refusal == null && !updateExisting && members.containsKey(hash)) {
                refusal = email + " is already a list member.";
            }
            if (refusal != null) {
                errors.addObject().put("email_address", email).put("error", refusal)
                        .put("error_code", refusal.contains("already") ? "ERROR_CONTACT_EXISTS" : "ERROR_GENERIC");
                continue;
            }
            boolean[] isNew = {false};
            members.compute(hash, (h, old) -> {
                isNew[0] = old == null;
                Map<String, String> fields = new LinkedHashMap<>(old == null ? Map.of() : old.mergeFields());
                fields.putAll(merge);
                Set<String> allTags = new LinkedHashSet<>(old == null ? Set.of() : old.tags());
                allTags.addAll(tags);
                return new Member(email, status, Map.copyOf(fields), Set.copyOf(allTags), Instant.now(),
                        status.equals("unsubscribed") ? "N/A (Unsubscribed by an admin)" : null,
                        old == null ? sequence.incrementAndGet() : old.sequence());
            });
            (isNew[0] ? created : updated).addObject().put("id", hash).put("email_address", email)
                    .put("status", status);
        }
        answer.put("total_created", created.size()).put("total_updated", updated.size())
                .put("error_count", errors.size());
        return Reply.json(200, answer);
    }

    /** {@code GET /lists/{id}/members}: members in the order they joined, filtered by {@code since_last_changed}. */
    private Reply listMembers(Map<String, String> query) {
        int count = Integer.parseInt(query.getOrDefault("count", "10"));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        if (count > 1000) {
            return problem(400, "Invalid Resource", "count may be at most 1000");
        }
        Instant since = query.containsKey("since_last_changed")
                ? OffsetDateTime.parse(query.get("since_last_changed")).toInstant() : Instant.MIN;
        List<Member> matching = listing(since, offset);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode page = answer.putArray("members");
        for (Member member : matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + count, matching.size()))) {
            ObjectNode node = page.addObject().put("email_address", member.email()).put("status", member.status())
                    .put("last_changed", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            member.lastChanged().atOffset(ZoneOffset.UTC).withNano(0)));
            node.put("unsubscribe_reason", member.unsubscribeReason());
        }
        answer.put("total_items", matching.size());
        return Reply.json(200, answer);
    }

    /**
     * The members changed after {@code since} in joining order. A walk through the pages (offset 0, 1000, …) reuses
     * the list sorted for its first page, as Mailchimp's own listing is stable while paged; otherwise paging a
     * million members would sort them all once per page.
     */
    private List<Member> listing(Instant since, int offset) {
        Listing cached = lastListing;
        if (offset > 0 && cached != null && cached.since().equals(since)) {
            return cached.members();
        }
        List<Member> matching = members.values().stream().filter(mb -> mb.lastChanged().isAfter(since))
                .sorted(Comparator.comparingLong(Member::sequence)).toList();
        lastListing = new Listing(since, matching);
        return matching;
    }

    private record Listing(Instant since, List<Member> members) {
    }

    private Reply startBatch(JsonNode body) {
        FakeBatch batch = new FakeBatch(Long.toHexString(batchIds.incrementAndGet()), body.path("operations"));
        batches.put(batch.id, batch);
        return Reply.json(200, batch.describe(baseUrl()));
    }

    /** Each poll moves the batch on; at the configured poll it runs the operations and writes the results. */
    private ObjectNode poll(FakeBatch batch) {
        synchronized (batch) {
            batch.polls++;
            if (batch.results == null && batch.polls >= pollsUntilFinished) {
                run(batch);
            }
            return batch.describe(baseUrl());
        }
    }

    private void run(FakeBatch batch) {
        TarGzWriter tar = new TarGzWriter().directory(batch.id + "/");
        ArrayNode file = JSON.createArrayNode();
        int files = 0;
        for (JsonNode operation : batch.operations) {
            String path = operation.path("path").asString("");
            Reply reply = "POST".equals(operation.path("method").asString("")) && path.equals("/lists/" + listId)
                    ? batchSubscribe(JSON.readTree(operation.path("body").asString("{}")))
                    : problem(404, "Resource Not Found", "The requested resource could not be found.");
            if (reply.status != 200) {
                batch.errored++;
            }
            file.addObject().put("status_code", reply.status)
                    .put("operation_id", operation.path("operation_id").asString(null))
                    .put("response", new String(reply.body, StandardCharsets.UTF_8));
            if (file.size() == 3) {
                tar.file(batch.id + "/" + files++ + ".json", JSON.writeValueAsBytes(file));
                file = JSON.createArrayNode();
            }
        }
        if (!file.isEmpty()) {
            tar.file(batch.id + "/" + files + ".json", JSON.writeValueAsBytes(file));
        }
        batch.results = tar.finish();
    }

    private void download(HttpExchange exchange, String id) throws IOException {
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
            downloadsWithCredentials.incrementAndGet();
        }
        FakeBatch batch = batches.get(id);
        send(exchange, batch == null || batch.results == null
                ? new Reply(404, "<Error>NoSuchKey</Error>".getBytes(StandardCharsets.UTF_8), new HashMap<>())
                : new Reply(200, batch.results, new HashMap<>(Map.of("Content-Type", "application/x-gzip"))));
    }

    private static final class FakeBatch {
        final String id;
        final JsonNode operations;
        final Instant submitted = Instant.now();
        int polls;
        int errored;
        byte @Nullable [] results;

        FakeBatch(String id, JsonNode operations) {
            this.id = id;
            this.operations = operations;
        }

        ObjectNode describe(String baseUrl) {
            boolean finished = results != null;
            ObjectNode node = JSON.createObjectNode().put("id", id)
                    .put("status", finished ? "finished" : polls == 0 ? "pending" : "started")
                    .put("total_operations", operations.size())
                    .put("finished_operations", finished ? operations.size() : 0)
                    .put("errored_operations", errored)
                    .put("submitted_at", submitted.toString())
                    .put("response_body_url", finished ? baseUrl.replace("/3.0", "") + "/results/" + id + ".tar.gz" : "");
            node.put("completed_at", finished ? Instant.now().toString() : null);
            return node;
        }
    }

    private boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        return decoded.substring(decoded.indexOf(':') + 1).equals(apiKey);
    }

    private record Reply(int status, byte[] body, Map<String, String> headers) {

        static Reply json(int status, JsonNode body) {
            return new Reply(status, JSON.writeValueAsBytes(body),
                    new HashMap<>(Map.of("Content-Type", "application/json; charset=utf-8")));
        }
    }

    private static Reply problem(int status, String title, String detail) {
        ObjectNode node = JSON.createObjectNode().put("type", "https://mailchimp.com/developer/marketing/docs/errors/")
                .put("title", title).put("status", status).put("detail", detail)
                .put("instance", java.util.UUID.randomUUID().toString());
        return new Reply(status, JSON.writeValueAsBytes(node),
                new HashMap<>(Map.of("Content-Type", "application/problem+json; charset=utf-8")));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        try (exchange) {
            reply.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
            if (reply.body.length > 0) {
                exchange.getResponseBody().write(reply.body);
            }
        } catch (IOException clientGone) {
            // the client timed out and closed the connection; nothing to answer
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Collections.unmodifiableMap(query);
    }

    private static void pause(Duration duration) {
        if (duration.isPositive()) {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
