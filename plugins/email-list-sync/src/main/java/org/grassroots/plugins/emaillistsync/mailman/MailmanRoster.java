package org.grassroots.plugins.emaillistsync.mailman;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.email.PullPage;
import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.grassroots.plugins.emaillistsync.mailman.MailmanHttp.Answer;
import org.grassroots.plugins.emaillistsync.mailman.MailmanHttp.Call;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a list's roster for pull-back in two passes (see {@link MailmanProvider} for what the engine makes of
 * them): every regular member as {@code SUBSCRIBED}, then the members whose delivery Mailman disabled for bounces as
 * {@code BOUNCED}. The cursor is {@code roster:<page>:<roster size>:<restarts>} in the first pass and
 * {@code bounced:<page>} in the second; the first pass starts again from page 1 when the roster's size changes
 * under it, so no member is skipped by a shifted page.
 */
final class MailmanRoster {

    private final MailmanHttp http;
    private final Clock clock;
    private final int pageSize;
    private final int maxRestarts;

    MailmanRoster(MailmanHttp http, Clock clock, int pageSize, int maxRestarts) {
        this.http = http;
        this.clock = clock;
        this.pageSize = pageSize;
        this.maxRestarts = maxRestarts;
    }

    PullPage page(MailmanConnection connection, @Nullable String cursor) throws IOException {
        if (cursor == null) {
            return rosterPage(connection, 1, -1, 0);
        }
        String[] parts = cursor.split(":");
        try {
            if (parts.length == 4 && parts[0].equals("roster")) {
                return rosterPage(connection, Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
                        Integer.parseInt(parts[3]));
            }
            if (parts.length == 2 && parts[0].equals("bounced")) {
                return bouncedPage(connection, Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Not a Mailman pull cursor: " + cursor);
    }

    private PullPage rosterPage(MailmanConnection connection, int page, long expectedSize, int restarts)
            throws IOException {
        JsonNode json = collection(connection, Call.get("lists/" + MailmanHttp.segment(connection.listId())
                + "/roster/member?" + MailmanHttp.query(paging(page)), "GET /lists/{list}/roster/member"));
        long size = json.path("total_size").asLong(0);
        Instant now = clock.instant();
        List<RemoteStatusChange> changes = new ArrayList<>();
        for (JsonNode member : json.path("entries").values()) {
            changes.add(new RemoteStatusChange(member.path("email").asString(), RemoteStatus.SUBSCRIBED, now, null,
                    null, null));
        }
        if (expectedSize >= 0 && size != expectedSize) {
            if (restarts >= maxRestarts) {
                throw new IOException("The roster of Mailman list " + connection.listId() + " changed " + (restarts + 1)
                        + " times while it was being read; pull again later.");
            }
            return new PullPage(changes, "roster:1:-1:" + (restarts + 1));
        }
        String next = (long) page * pageSize < size
                ? "roster:" + (page + 1) + ":" + size + ":" + restarts
                : "bounced:1";
        return new PullPage(changes, next);
    }

    private PullPage bouncedPage(MailmanConnection connection, int page) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("list_id", connection.listId());
        query.put("role", "member");
        query.put("delivery_status", "by_bounces");
        query.putAll(paging(page));
        JsonNode json = collection(connection, Call.get("members/find?" + MailmanHttp.query(query),
                "GET /members/find?delivery_status=by_bounces"));
        List<RemoteStatusChange> changes = new ArrayList<>();
        for (JsonNode member : json.path("entries").values()) {
            changes.add(new RemoteStatusChange(member.path("email").asString(), RemoteStatus.BOUNCED,
                    bouncedAt(member), "Mailman disabled delivery after bounces (bounce score "
                            + member.path("bounce_score").asInt(0) + ")", null, null));
        }
        long size = json.path("total_size").asLong(0);
        return new PullPage(changes, (long) page * pageSize < size ? "bounced:" + (page + 1) : null);
    }

    private JsonNode collection(MailmanConnection connection, Call call) throws IOException {
        Answer answer = http.send(connection, call);
        if (answer.status() == 404) {
            throw new IOException("Mailman has no list " + connection.listId() + " (404 to " + call.label() + ")");
        }
        if (answer.status() != 200) {
            throw new IOException("Mailman answered " + answer.status() + " to " + call.label() + ": "
                    + answer.reason());
        }
        return answer.json();
    }

    private Map<String, String> paging(int page) {
        if (page < 1) {
            throw new IllegalArgumentException("Mailman pages start at 1, not " + page);
        }
        return Map.of("count", Integer.toString(pageSize), "page", Integer.toString(page));
    }

    /** Mailman's {@code last_bounce_received} (ISO-8601, naive UTC), else now. */
    private Instant bouncedAt(JsonNode member) {
        String text = member.path("last_bounce_received").asString("");
        if (!text.isBlank()) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException naive) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException unreadable) {
                    // fall back to now
                }
            }
        }
        return clock.instant();
    }
}
