package org.grassroots.plugins.emaillistsync.mailman;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-test Mailman core REST API (version 3.1), answering with the shapes Mailman 3.3 answers with: lists, the
 * member roster with {@code count}/{@code page} paging, {@code POST /members} (201 with {@code Location}, 409
 * "Member already subscribed", 202 with a token when not pre-confirmed, 400 "No such list" or "Membership is
 * banned"), {@code GET /lists/{list}/member/{email}}, {@code DELETE /members/{id}}, {@code GET /members/find} with
 * {@code delivery_status}, and Basic auth (401 with Mailman's JSON error). Faults can be injected: a status for the
 * next calls (with an optional {@code Retry-After}), or a stall longer than the client's timeout.
 */
final class FakeMailman implements AutoCloseable {

    static final String USER = "restadmin";
    static final String PASSWORD = "s3cret-pass";

    /** One request as received. */
    record Received(String method, String path, Map<String, String> query, Map<String, String> form,
            String authorization) {
    }

    /** A member of a list. */
    static final class Member {
        final String id = UUID.randomUUID().toString().replace("-", "");
        final String email;
        final String displayName;
        String deliveryStatus = "enabled";
        int bounceScore;
        String lastBounceReceived;

        Member(String email, String displayName) {
            this.email = email;
            this.displayName = displayName;
        }
    }

    private record MailingList(String displayName, TreeMap<String, Member> members) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, MailingList> lists = new ConcurrentHashMap<>();
    private final Set<String> banned = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private int failuresLeft;
    private int failureStatus;
    private String retryAfter;
    private int stallsLeft;
    private Duration stall = Duration.ZERO;
    private Duration delay = Duration.ZERO;
    private Consumer<Integer> afterRosterPage = page -> { };

    FakeMailman() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL the provider is configured with. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/3.1";
    }

    FakeMailman list(String listId, String displayName) {
        lists.put(listId, new MailingList(displayName, new TreeMap<>()));
        return this;
    }

    synchronized Member subscribe(String listId, String email, String displayName) {
        Member member = new Member(email, displayName);
        lists.get(listId).members().put(email, member);
        return member;
    }

    synchronized void unsubscribe(String listId, String email) {
        lists.get(listId).members().remove(email);
    }

    synchronized Member member(String listId, String email) {
        return lists.get(listId).members().get(email);
    }

    synchronized List<String> emails(String listId) {
        return List.copyOf(lists.get(listId).members().keySet());
    }

    void ban(String email) {
        banned.add(email);
    }

    /** The next {@code count} requests are answered with {@code status} (and {@code Retry-After} when not null). */
    synchronized void failNext(int count, int status, String retryAfterHeader) {
        failuresLeft = count;
        failureStatus = status;
        retryAfter = retryAfterHeader;
    }

    /** The next {@code count} requests wait {@code duration} before answering. */
    synchronized void stallNext(int count, Duration duration) {
        stallsLeft = count;
        stall = duration;
    }

    /** Every request waits this long before answering (to see calls overlap). */
    synchronized void delayEach(Duration duration) {
        delay = duration;
    }

    /** Runs after a roster page is answered, with the page's number (to change the roster mid-read). */
    synchronized void afterRosterPage(Consumer<Integer> action) {
        afterRosterPage = action;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<Received> received(String method, String pathPrefix) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean isForm = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
            Map<String, String> form = isForm ? decode(body) : Map.of();
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            Duration wait;
            int failWith = 0;
            String retryAfterHeader = null;
            synchronized (this) {
                received.add(new Received(exchange.getRequestMethod(), path, query, form, authorization));
                wait = delay;
                if (stallsLeft > 0) {
                    stallsLeft--;
                    wait = stall;
                }
                if (failuresLeft > 0) {
                    failuresLeft--;
                    failWith = failureStatus;
                    retryAfterHeader = retryAfter;
                }
            }
            sleep(wait);
            if (failWith != 0) {
                if (retryAfterHeader != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfterHeader);
                }
                error(exchange, failWith, failWith + " Service Unavailable", "Injected failure");
                return;
            }
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(authorization)) {
                exchange.getResponseHeaders()
                        .add("WWW-Authenticate", "Basic realm=\"mailman3-rest\",charset=\"utf-8\"");
                error(exchange, 401, "401 Unauthorized", "REST API authorization failed");
                return;
            }
            if (!path.startsWith("/3.1/")) {
                send(exchange, 404, Map.of("title", "404 Not Found"));
                return;
            }
            route(exchange, exchange.getRequestMethod(), path.substring("/3.1/".length()).split("/"), query, form);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void route(HttpExchange exchange, String method, String[] segments, Map<String, String> query,
            Map<String, String> form) throws IOException {
        String route = method + " " + segments[0] + "/" + segments.length;
        switch (route) {
            case "GET system/2" -> send(exchange, 200, Map.of("mailman_version", "GNU Mailman 3.3.8 (Tom Sawyer)",
                    "api_version", "3.1"));
            case "GET lists/2" -> listResource(exchange, segments[1]);
            case "GET lists/4" -> {
                if (segments[2].equals("roster") && segments[3].equals("member")) {
                    roster(exchange, segments[1], query);
                } else if (segments[2].equals("member")) {
                    lookUp(exchange, segments[1], segments[3]);
                } else {
                    send(exchange, 404, Map.of("title", "404 Not Found"));
                }
            }
            case "POST members/1" -> create(exchange, form);
            case "DELETE members/2" -> delete(exchange, segments[1]);
            case "GET members/2" -> {
                if (segments[1].equals("find")) {
                    find(exchange, query);
                } else {
                    send(exchange, 404, Map.of("title", "404 Not Found"));
                }
            }
            default -> send(exchange, 404, Map.of("title", "404 Not Found"));
        }
    }

    private void listResource(HttpExchange exchange, String listId) throws IOException {
        MailingList list = lists.get(listId);
        if (list == null) {
            error(exchange, 404, "404 Not Found", "404 Not Found");
            return;
        }
        int count;
        synchronized (this) {
            count = list.members().size();
        }
        send(exchange, 200, Map.of("list_id", listId, "display_name", list.displayName(), "member_count", count,
                "fqdn_listname", listId.replaceFirst("\\.", "@"), "self_link", baseUrl() + "/lists/" + listId));
    }

    private void roster(HttpExchange exchange, String listId, Map<String, String> query) throws IOException {
        MailingList list = lists.get(listId);
        if (list == null) {
            send(exchange, 404, Map.of("title", "404 Not Found"));
            return;
        }
        List<Member> members;
        synchronized (this) {
            members = List.copyOf(list.members().values());
        }
        Map<String, Object> body = page(members, query);
        Consumer<Integer> action;
        synchronized (this) {
            action = afterRosterPage;
        }
        // after the page is read and before it is answered, so the next page certainly sees the change
        action.accept(Integer.parseInt(query.get("page")));
        send(exchange, 200, body);
    }

    private void find(HttpExchange exchange, Map<String, String> query) throws IOException {
        MailingList list = lists.get(query.get("list_id"));
        List<Member> members;
        synchronized (this) {
            members = list == null ? List.of() : list.members().values().stream()
                    .filter(m -> query.get("delivery_status") == null
                            || m.deliveryStatus.equals(query.get("delivery_status")))
                    .toList();
        }
        send(exchange, 200, page(members, query));
    }

    private Map<String, Object> page(List<Member> members, Map<String, String> query) {
        int count = Integer.parseInt(query.get("count"));
        int page = Integer.parseInt(query.get("page"));
        int from = Math.min(members.size(), (page - 1) * count);
        List<Map<String, Object>> entries = members.subList(from, Math.min(members.size(), page * count)).stream()
                .map(this::resource).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", from);
        body.put("total_size", members.size());
        if (!entries.isEmpty()) {
            body.put("entries", entries);
        }
        return body;
    }

    private void lookUp(HttpExchange exchange, String listId, String email) throws IOException {
        Member member;
        synchronized (this) {
            MailingList list = lists.get(listId);
            member = list == null ? null : list.members().get(email);
        }
        if (member == null) {
            send(exchange, 404, Map.of("title", "404 Not Found"));
        } else {
            send(exchange, 200, resource(member));
        }
    }

    private void create(HttpExchange exchange, Map<String, String> form) throws IOException {
        MailingList list = lists.get(form.getOrDefault("list_id", ""));
        String email = form.get("subscriber");
        if (list == null) {
            error(exchange, 400, "400 Bad Request", "No such list");
            return;
        }
        if (email == null || !email.contains("@")) {
            error(exchange, 400, "400 Bad Request", "Invalid Parameter \"subscriber\": .");
            return;
        }
        if (banned.contains(email)) {
            error(exchange, 400, "400 Bad Request", "Membership is banned");
            return;
        }
        Member member;
        synchronized (this) {
            if (list.members().containsKey(email)) {
                member = null;
            } else if (!"true".equals(form.get("pre_verified")) || !"true".equals(form.get("pre_confirmed"))) {
                send(exchange, 202, Map.of("token", "0000000000000000000000000000000000000001",
                        "token_owner", "subscriber"));
                return;
            } else {
                member = new Member(email, form.getOrDefault("display_name", ""));
                list.members().put(email, member);
            }
        }
        if (member == null) {
            error(exchange, 409, "409 Conflict", "Member already subscribed");
            return;
        }
        exchange.getResponseHeaders().add("Location", "http://localhost:8001/3.1/members/" + member.id);
        exchange.sendResponseHeaders(201, -1);
    }

    private void delete(HttpExchange exchange, String memberId) throws IOException {
        boolean removed = false;
        synchronized (this) {
            for (MailingList list : lists.values()) {
                removed |= list.members().values().removeIf(member -> member.id.equals(memberId));
            }
        }
        if (removed) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            error(exchange, 404, "404 Not Found", "404 Not Found");
        }
    }

    private Map<String, Object> resource(Member member) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", baseUrl() + "/addresses/" + member.email);
        json.put("bounce_score", member.bounceScore);
        if (member.lastBounceReceived != null) {
            json.put("last_bounce_received", member.lastBounceReceived);
        }
        json.put("last_warning_sent", "0001-01-01T00:00:00");
        json.put("delivery_mode", "regular");
        json.put("email", member.email);
        json.put("role", "member");
        json.put("display_name", member.displayName);
        json.put("self_link", "http://localhost:8001/3.1/members/" + member.id);
        json.put("member_id", member.id);
        return json;
    }

    private static void error(HttpExchange exchange, int status, String title, String description) throws IOException {
        send(exchange, status, Map.of("title", title, "description", description));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
