package org.grassroots.plugins.emaillistsync.mailman;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Mailman core's REST API: Basic auth, form-encoded bodies, timeouts, at most a fixed number of calls in
 * flight across all threads, and retries with exponential backoff and full jitter on 5xx and 429 (honouring a
 * {@code Retry-After} in seconds), timeouts and connection errors; after the last attempt it throws
 * {@link IOException}. Messages and logs name the call by its {@link Call#label() label}, never by its address
 * (which may hold an e-mail address) and never with the password.
 */
final class MailmanHttp {

    private static final System.Logger LOG = System.getLogger(MailmanHttp.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One REST call. {@code path} is relative to the base URL and already encoded; {@code label} names it in logs. */
    record Call(String method, String path, Map<String, String> form, String label) {

        Call {
            form = Map.copyOf(form);
        }

        static Call get(String path, String label) {
            return new Call("GET", path, Map.of(), label);
        }

        static Call delete(String path, String label) {
            return new Call("DELETE", path, Map.of(), label);
        }

        static Call post(String path, Map<String, String> form, String label) {
            return new Call("POST", path, form, label);
        }
    }

    /** Mailman's answer: status, body, the {@code Location} header of a 201 and any {@code Retry-After} header. */
    record Answer(int status, String body, @Nullable String location, @Nullable String retryAfter) {

        /** The body as JSON; an empty object for an empty or non-JSON body. */
        JsonNode json() {
            try {
                return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (RuntimeException notJson) {
                return JSON.createObjectNode();
            }
        }

        /** Mailman's reason for an error: the {@code description} (or {@code title}) of its JSON error body. */
        String reason() {
            JsonNode json = json();
            String description = json.path("description").asString("");
            if (!description.isBlank()) {
                return description;
            }
            String title = json.path("title").asString("");
            if (!title.isBlank()) {
                return title;
            }
            String text = body.strip();
            return text.isEmpty() ? "HTTP " + status : text.substring(0, Math.min(200, text.length()));
        }
    }

    /** How hard to try: attempts per call and the backoff between them. */
    record Retry(int attempts, Duration firstBackoff, Duration maxBackoff) {

        Retry {
            if (attempts < 1) {
                throw new IllegalArgumentException("At least one attempt, not " + attempts);
            }
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Retry retry;
    private final Semaphore inFlight;

    MailmanHttp(Duration connectTimeout, Duration requestTimeout, Retry retry, int maxConcurrentCalls) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.inFlight = new Semaphore(maxConcurrentCalls, true);
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /** Makes the call, retrying as the class says. */
    Answer send(MailmanConnection connection, Call call) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            Duration retryAfter = null;
            try {
                Answer answer = sendOnce(connection, call);
                if (answer.status() != 429 && answer.status() < 500) {
                    return answer;
                }
                last = new IOException("Mailman answered " + answer.status() + " to " + call.label() + ": "
                        + answer.reason());
                retryAfter = retryAfter(answer);
            } catch (HttpTimeoutException e) {
                last = new IOException("Mailman did not answer " + call.label() + " within "
                        + requestTimeout.toMillis() + " ms", e);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                last = new IOException("Could not reach Mailman at " + connection.baseUrl() + " for " + call.label()
                        + ": " + describe(e), e);
            }
            if (attempt < retry.attempts()) {
                Duration pause = backoff(attempt, retryAfter);
                LOG.log(System.Logger.Level.WARNING, "{0}; retrying in {1} ms (attempt {2} of {3})",
                        last.getMessage(), pause.toMillis(), attempt + 1, retry.attempts());
                sleep(pause);
            }
        }
        throw new IOException(last.getMessage() + " (gave up after " + retry.attempts() + " attempts)", last);
    }

    /** Makes the call once, without retrying; for the settings form's connection test. */
    Answer sendOnce(MailmanConnection connection, Call call) throws IOException {
        HttpRequest request = request(connection, call);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to call Mailman");
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while calling Mailman");
        } finally {
            inFlight.release();
        }
    }

    /** {@code value} encoded for one path segment ({@code @} and {@code +} included). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code parameters} as an encoded query string, without the {@code ?}. */
    static String query(Map<String, String> parameters) {
        return form(parameters);
    }

    /** A short description of a connection failure, for messages. */
    static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            return "unknown host";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private HttpRequest request(MailmanConnection connection, Call call) {
        String credentials = connection.user() + ":" + connection.password();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(connection.baseUrl() + "/" + call.path()))
                .timeout(requestTimeout)
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (call.form().isEmpty()) {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(form(call.form())));
        }
        return builder.build();
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Duration backoff(int attempt, @Nullable Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : retryAfter;
        }
        long ceiling = Math.min(retry.maxBackoff().toMillis(), retry.firstBackoff().toMillis() << (attempt - 1));
        // full jitter: anywhere between half the ceiling and the ceiling, so parallel callers spread out
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    /** The {@code Retry-After} delay when given in seconds (an HTTP date is ignored: the backoff applies). */
    private static @Nullable Duration retryAfter(Answer answer) {
        String value = answer.retryAfter();
        if (value == null || !value.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.strip()));
    }

    private static void sleep(Duration pause) throws InterruptedIOException {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry a Mailman call");
        }
    }
}
