package org.grassroots.plugins.emaillistsync.mailchimp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.grassroots.crm.plugin.api.email.PullPage;
import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One page of {@code GET /lists/{list_id}/members} for pull-back: 1,000 members (Mailchimp's most) from an offset,
 * only the fields pull-back reads, optionally only members changed after a time ({@code since_last_changed}).
 * {@code subscribed}, {@code unsubscribed} and {@code cleaned} map to SUBSCRIBED, UNSUBSCRIBED and BOUNCED;
 * {@code pending}, {@code transactional} and {@code archived} members are skipped. The cursor is the next offset.
 */
final class MemberListing {

    static final int PAGE = 1000;
    private static final String FIELDS = "members.email_address,members.status,members.last_changed,"
            + "members.unsubscribe_reason,total_items";

    private MemberListing() {
    }

    /** The path and query of the page at {@code offset}. */
    static String pathAndQuery(String listId, long offset, long sinceEpochSecond) {
        StringBuilder query = new StringBuilder("/lists/" + listId + "/members?count=" + PAGE + "&offset=" + offset
                + "&fields=" + URLEncoder.encode(FIELDS, StandardCharsets.UTF_8));
        if (sinceEpochSecond > 0) {
            query.append("&since_last_changed=").append(URLEncoder.encode(
                    Instant.ofEpochSecond(sinceEpochSecond).toString(), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** The page Mailchimp answered for {@code offset}. */
    static PullPage read(JsonNode page, long offset) {
        List<RemoteStatusChange> changes = new ArrayList<>();
        int count = 0;
        for (JsonNode member : page.path("members")) {
            count++;
            RemoteStatus status = switch (String.valueOf(MemberBatch.text(member, "status"))) {
                case "subscribed" -> RemoteStatus.SUBSCRIBED;
                case "unsubscribed" -> RemoteStatus.UNSUBSCRIBED;
                case "cleaned" -> RemoteStatus.BOUNCED;
                default -> null;
            };
            String email = MemberBatch.text(member, "email_address");
            if (status != null && email != null) {
                changes.add(new RemoteStatusChange(email.toLowerCase(Locale.ROOT), status,
                        lastChanged(MemberBatch.text(member, "last_changed")),
                        status == RemoteStatus.SUBSCRIBED ? null : MemberBatch.text(member, "unsubscribe_reason"),
                        null, null));
            }
        }
        long next = offset + count;
        boolean more = count > 0 && next < page.path("total_items").asLong(0);
        return new PullPage(changes, more ? Long.toString(next) : null);
    }

    private static Instant lastChanged(@Nullable String value) {
        try {
            return value == null ? Instant.EPOCH : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
