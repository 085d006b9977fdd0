package org.grassroots.plugins.emaillistsync.mailchimp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.grassroots.crm.plugin.api.email.ListMember;
import org.grassroots.crm.plugin.api.email.MemberOutcome;
import org.grassroots.crm.plugin.api.email.MemberOutcome.Result;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call of Mailchimp's "batch subscribe or unsubscribe" ({@code POST /lists/{list_id}}, at most 500 members): the
 * request body, and the outcome of each member read from the answer, which is HTTP 200 even when some members were
 * refused ({@code errors[]}).
 *
 * <p>A member the CRM unsubscribes is sent with status {@code unsubscribed} and nothing else: with
 * {@code update_existing} that status applies to new and existing members alike, so the call can never create or
 * re-subscribe a subscribed member, and no name or address is handed to Mailchimp for someone leaving the list.
 * Tags are sent as a list of names with {@code sync_tags: false}, which adds them and leaves tags staff set in
 * Mailchimp alone.
 */
final class MemberBatch {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private MemberBatch() {
    }

    /** The request body for {@code members}. */
    static String body(List<ListMember> members) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("members");
        for (ListMember member : members) {
            ObjectNode node = array.addObject();
            node.put("email_address", member.email());
            node.put("status", member.subscribed() ? "subscribed" : "unsubscribed");
            if (member.subscribed()) {
                ObjectNode merge = node.putObject("merge_fields");
                putIfPresent(merge, "FNAME", member.firstName());
                putIfPresent(merge, "LNAME", member.lastName());
                putIfPresent(merge, "ZIP", member.zip());
                putIfPresent(merge, "STATE", member.state());
                if (!member.tags().isEmpty()) {
                    ArrayNode tags = node.putArray("tags");
                    new TreeSet<>(member.tags()).forEach(tags::add);
                }
            }
        }
        body.put("update_existing", true);
        body.put("sync_tags", false);
        return JSON.writeValueAsString(body);
    }

    /** One outcome per member, in order, from a 200 answer of the batch endpoint. */
    static List<MemberOutcome> outcomes(List<ListMember> members, JsonNode answer) {
        Set<String> created = emails(answer.path("new_members"));
        Set<String> updated = emails(answer.path("updated_members"));
        Map<String, String> refused = new HashMap<>();
        for (JsonNode error : answer.path("errors")) {
            String email = text(error, "email_address");
            if (email != null) {
                String code = text(error, "error_code");
                refused.putIfAbsent(email.toLowerCase(Locale.ROOT), String.valueOf(text(error, "error"))
                        + (code == null ? "" : " (" + code + ")"));
            }
        }
        List<MemberOutcome> outcomes = new ArrayList<>(members.size());
        for (ListMember member : members) {
            String email = member.email().toLowerCase(Locale.ROOT);
            String reason = refused.get(email);
            if (reason != null) {
                outcomes.add(new MemberOutcome(member.email(), Result.FAILED, reason));
            } else if (!created.contains(email) && !updated.contains(email)) {
                outcomes.add(new MemberOutcome(member.email(), Result.FAILED,
                        "Mailchimp's answer did not mention this address"));
            } else {
                Result result = !member.subscribed() ? Result.REMOVED
                        : created.contains(email) ? Result.ADDED : Result.UPDATED;
                outcomes.add(new MemberOutcome(member.email(), result, null, subscriberHash(member.email())));
            }
        }
        return outcomes;
    }

    /** Parses an answer's body; a body that is not JSON is an {@link IOException}, worth a retry. */
    static JsonNode parse(String body) throws IOException {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new IOException("Mailchimp's answer was not JSON", e);
        }
    }

    /** Every member failed for the same reason (the whole call was refused). */
    static List<MemberOutcome> failedAll(List<ListMember> members, String reason) {
        return members.stream().map(m -> new MemberOutcome(m.email(), Result.FAILED, reason)).toList();
    }

    /** Mailchimp's id of a member: the MD5 of the lower-case address, in hex. */
    static String subscriberHash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no MD5", e);
        }
    }

    /** A field's text, or {@code null} when it is absent or JSON null. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    /** A refused call (4xx other than 429) in words; 401 is "The API key was refused (401)". */
    static String refusal(MailchimpHttp.Answer answer) {
        return switch (answer.status()) {
            case 401 -> "The API key was refused (401)";
            case 403 -> "The API key may not do this (403): " + problem(answer);
            case 404 -> "Mailchimp has no such audience or member (404): " + problem(answer);
            default -> "Mailchimp refused the call (" + answer.status() + "): " + problem(answer);
        };
    }

    /** Mailchimp's {@code detail} (or {@code title}) from an error answer, for a message; never the request. */
    static String problem(MailchimpHttp.Answer answer) {
        try {
            JsonNode node = JSON.readTree(answer.body());
            String detail = text(node, "detail");
            String title = text(node, "title");
            return detail != null ? detail : title != null ? title : "no details";
        } catch (RuntimeException e) {
            return "no details";
        }
    }

    private static Set<String> emails(JsonNode members) {
        Set<String> emails = new HashSet<>();
        for (JsonNode member : members) {
            String email = text(member, "email_address");
            if (email != null) {
                emails.add(email.toLowerCase(Locale.ROOT));
            }
        }
        return emails;
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.strip());
        }
    }
}
