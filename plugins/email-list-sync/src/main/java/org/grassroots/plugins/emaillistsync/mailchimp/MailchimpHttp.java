package org.grassroots.plugins.emaillistsync.mailchimp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.jspecify.annotations.Nullable;

/**
 * The provider's HTTP side: one {@link HttpClient}, at most {@value #MAX_CONNECTIONS} requests in flight across every
 * thread using it (Mailchimp allows 10 simultaneous connections per API key), Basic authentication with the key, and
 * retries of 429, 5xx and network failures with exponential backoff and full jitter, honouring {@code Retry-After}.
 * The key goes only into the {@code Authorization} header: it is never logged nor put into an exception message.
 */
final class MailchimpHttp {

    /** Mailchimp's limit of simultaneous connections per API key. */
    static final int MAX_CONNECTIONS = 10;

    /**
     * Timing of the HTTP side; tests shorten it.
     *
     * @param connectTimeout    how long opening a connection may take
     * @param requestTimeout    how long one request may wait for its answer
     * @param maxAttempts       attempts per call before a retryable failure becomes an {@link IOException}
     * @param backoffBase       the first retry waits up to this long (full jitter), each further one twice as long
     * @param backoffCap        no backoff is longer than this
     * @param maxRetryAfter     a longer {@code Retry-After} is cut to this
     * @param batchPollInterval how often a bulk push asks whether Mailchimp has finished its batch
     * @param batchMaxWait      how long a bulk push waits for Mailchimp to finish before giving up
     */
    record Tuning(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration backoffBase,
            Duration backoffCap, Duration maxRetryAfter, Duration batchPollInterval, Duration batchMaxWait) {

        /** The production timing. */
        static final Tuning DEFAULT = new Tuning(Duration.ofSeconds(10), Duration.ofSeconds(60), 5,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(5),
                Duration.ofMinutes(30));

        Tuning {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
        }
    }

    /** A finished exchange whose status was not worth a retry (2xx, or 4xx other than 429). */
    record Answer(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final Tuning tuning;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS, true);

    MailchimpHttp(Tuning tuning) {
        this.tuning = tuning;
        this.client = HttpClient.newBuilder().connectTimeout(tuning.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Tuning tuning() {
        return tuning;
    }

    /**
     * Sends a JSON API call with the key, retrying as described on the class.
     *
     * @param body        the JSON body, or {@code null} for none
     * @param maxAttempts attempts before giving up (1 for the settings form's quick check)
     * @param job         checked for cancellation before each retry, or {@code null}
     * @throws IOException after the last attempt failed with 429, 5xx, a timeout or a network error
     */
    Answer call(String method, URI uri, @Nullable String body, String apiKey, int maxAttempts, @Nullable JobContext job)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(tuning.requestTimeout())
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("anystring:" + apiKey).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> response = send(request.build(), method + " " + uri.getPath(), maxAttempts, job);
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }

    /**
     * Downloads a file Mailchimp links to (a batch's results), without the key: the link is a pre-signed URL on
     * another host, which must never see the key.
     */
    byte[] download(URI uri, @Nullable JobContext job) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(tuning.requestTimeout()).GET().build();
        HttpResponse<byte[]> response = send(request, "the batch results download", tuning.maxAttempts(), job);
        if (response.statusCode() != 200) {
            throw new IOException("Downloading Mailchimp's batch results failed (" + response.statusCode() + ")");
        }
        return response.body();
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what, int maxAttempts, @Nullable JobContext job)
            throws IOException {
        String lastProblem = "";
        for (int attempt = 1; ; attempt++) {
            OptionalLong retryAfter = OptionalLong.empty();
            try {
                HttpResponse<byte[]> response = exchange(request);
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    return response;
                }
                lastProblem = "answered " + status;
                retryAfter = retryAfterSeconds(response);
            } catch (HttpTimeoutException e) {
                lastProblem = "did not answer within " + tuning.requestTimeout().toSeconds() + " s";
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                lastProblem = "could not be reached (" + e.getClass().getSimpleName() + ")";
            }
            if (attempt >= maxAttempts) {
                throw new IOException("Mailchimp " + lastProblem + " to " + what + " on " + attempt
                        + (attempt == 1 ? " attempt" : " attempts") + "; giving up for now");
            }
            if (job != null) {
                job.checkCancelled();
            }
            pause(backoff(attempt, retryAfter));
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException {
        try {
            connections.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a free Mailchimp connection");
        }
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for Mailchimp");
        } finally {
            connections.release();
        }
    }

    /** Full jitter: a random wait up to base·2^(attempt-1), capped; a {@code Retry-After} wins when longer. */
    Duration backoff(int attempt, OptionalLong retryAfterSeconds) {
        long ceiling = Math.min(tuning.backoffCap().toMillis(),
                tuning.backoffBase().toMillis() * (1L << Math.min(attempt - 1, 20)));
        long jitter = ThreadLocalRandom.current().nextLong(ceiling + 1);
        if (retryAfterSeconds.isPresent()) {
            long told = Math.min(retryAfterSeconds.getAsLong() * 1000, tuning.maxRetryAfter().toMillis());
            return Duration.ofMillis(Math.max(told, jitter));
        }
        return Duration.ofMillis(jitter);
    }

    private static OptionalLong retryAfterSeconds(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,9}"))
                .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }

    private static void pause(Duration delay) throws InterruptedIOException {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while backing off from Mailchimp");
        }
    }
}
