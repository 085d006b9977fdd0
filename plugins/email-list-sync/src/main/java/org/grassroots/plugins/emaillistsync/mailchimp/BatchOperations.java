package org.grassroots.plugins.emaillistsync.mailchimp;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.MemberOutcome;
import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bulk push through Mailchimp's batch operations: one {@code POST /batches} whose operations are batch-subscribe
 * calls of at most 500 members each, polled with {@code GET /batches/{id}} until {@code status} is
 * {@code finished}, then the results read from {@code response_body_url}: a {@code .tar.gz} of JSON files, each an
 * array of {@code {status_code, operation_id, response}} where {@code response} is the operation's answer as a
 * string. A cancelled job deletes the batch ({@code DELETE /batches/{id}}) so Mailchimp stops working on it.
 */
final class BatchOperations {

    private final MailchimpHttp http;

    BatchOperations(MailchimpHttp http) {
        this.http = http;
    }

    List<MemberOutcome> push(URI base, String apiKey, String listId, List<ListMember> members, JobContext job)
            throws IOException {
        List<List<ListMember>> chunks = new ArrayList<>();
        for (int from = 0; from < members.size(); from += MailchimpProvider.MAX_BATCH) {
            chunks.add(members.subList(from, Math.min(members.size(), from + MailchimpProvider.MAX_BATCH)));
        }
        ObjectNode request = MemberBatch.JSON.createObjectNode();
        ArrayNode operations = request.putArray("operations");
        for (int i = 0; i < chunks.size(); i++) {
            operations.addObject().put("method", "POST").put("path", "/lists/" + listId)
                    .put("operation_id", "chunk-" + i).put("body", MemberBatch.body(chunks.get(i)));
        }
        MailchimpHttp.Answer started = http.call("POST", URI.create(base + "/batches"),
                MemberBatch.JSON.writeValueAsString(request), apiKey, http.tuning().maxAttempts(), job);
        if (!started.ok()) {
            return MemberBatch.failedAll(members, MemberBatch.refusal(started));
        }
        String batchId = MemberBatch.text(MemberBatch.parse(started.body()), "id");
        if (batchId == null) {
            throw new IOException("Mailchimp's answer to POST /batches had no batch id");
        }
        job.log("Mailchimp batch " + batchId + " started with " + chunks.size() + " operations");
        URI results = awaitResults(base, apiKey, batchId, job);
        return outcomes(chunks, read(http.download(results, job)));
    }

    private URI awaitResults(URI base, String apiKey, String batchId, JobContext job) throws IOException {
        URI status = URI.create(base + "/batches/" + batchId);
        long deadline = System.nanoTime() + http.tuning().batchMaxWait().toNanos();
        while (true) {
            try {
                job.checkCancelled();
            } catch (JobCancelledException cancelled) {
                cancel(status, apiKey);
                throw cancelled;
            }
            MailchimpHttp.Answer answer = http.call("GET", status, null, apiKey, http.tuning().maxAttempts(), job);
            if (!answer.ok()) {
                throw new IOException("Mailchimp could not say how batch " + batchId + " is going ("
                        + answer.status() + "): " + MemberBatch.problem(answer));
            }
            JsonNode batch = MemberBatch.parse(answer.body());
            String url = MemberBatch.text(batch, "response_body_url");
            if ("finished".equals(MemberBatch.text(batch, "status")) && url != null && !url.isEmpty()) {
                return URI.create(url);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Mailchimp had not finished batch " + batchId + " after "
                        + http.tuning().batchMaxWait().toMinutes() + " minutes");
            }
            job.progress(batch.path("finished_operations").asLong(0), batch.path("total_operations").asLong(-1));
            sleep();
        }
    }

    private void cancel(URI status, String apiKey) {
        try {
            http.call("DELETE", status, null, apiKey, 1, null);
        } catch (IOException ignored) {
            // best effort: the job is cancelled either way, and Mailchimp finishes or drops the batch on its own
        }
    }

    private void sleep() throws IOException {
        try {
            Thread.sleep(http.tuning().batchPollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while waiting for a Mailchimp batch");
        }
    }

    /** Each operation's result by operation id, from every JSON file of the archive. */
    private static Map<String, JsonNode> read(byte[] archive) throws IOException {
        Map<String, JsonNode> results = new HashMap<>();
        for (TarGzReader.Entry entry : TarGzReader.read(archive)) {
            if (!entry.name().endsWith(".json")) {
                continue;
            }
            JsonNode array;
            try {
                array = MemberBatch.JSON.readTree(new String(entry.content(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new IOException("Mailchimp's batch results hold a file that is not JSON: " + entry.name(), e);
            }
            for (JsonNode result : array) {
                String id = MemberBatch.text(result, "operation_id");
                if (id != null) {
                    results.put(id, result);
                }
            }
        }
        return results;
    }

    private static List<MemberOutcome> outcomes(List<List<ListMember>> chunks, Map<String, JsonNode> results) {
        List<MemberOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            List<ListMember> chunk = chunks.get(i);
            JsonNode result = results.get("chunk-" + i);
            if (result == null) {
                outcomes.addAll(MemberBatch.failedAll(chunk, "Mailchimp's batch results did not include this part"));
                continue;
            }
            int status = result.path("status_code").asInt(0);
            String body = MemberBatch.text(result, "response");
            MailchimpHttp.Answer answer = new MailchimpHttp.Answer(status, body == null ? "" : body);
            if (status == 200) {
                try {
                    outcomes.addAll(MemberBatch.outcomes(chunk, MemberBatch.parse(answer.body())));
                } catch (IOException e) {
                    outcomes.addAll(MemberBatch.failedAll(chunk, "Mailchimp's result for this part was not JSON"));
                }
            } else {
                outcomes.addAll(MemberBatch.failedAll(chunk,
                        "Mailchimp refused this part of the batch (" + status + "): " + MemberBatch.problem(answer)));
            }
        }
        return outcomes;
    }
}
