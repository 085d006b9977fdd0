package org.grassroots.plugins.emaillistsync.mailchimp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.grassroots.crm.plugin.api.email.WebhookRejectedException;
import org.grassroots.crm.plugin.api.email.WebhookRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads Mailchimp's list webhooks: form-encoded POSTs such as
 * {@code type=unsubscribe&fired_at=2009-03-26 21:40:57&data[email]=…&data[reason]=manual&data[list_id]=…}.
 * Mailchimp signs nothing; the secret is the last segment of the webhook URL, compared in constant time.
 *
 * <ul>
 *   <li>{@code unsubscribe} → {@link RemoteStatus#UNSUBSCRIBED}, or {@link RemoteStatus#COMPLAINED} when the reason
 *       is {@code abuse}</li>
 *   <li>{@code cleaned} → {@link RemoteStatus#BOUNCED}, or {@link RemoteStatus#COMPLAINED} when the reason is
 *       {@code abuse} (Mailchimp cleans an address reported as spam)</li>
 *   <li>{@code upemail} → {@link RemoteStatus#EMAIL_CHANGED} from {@code data[old_email]} to {@code data[new_email]}</li>
 *   <li>{@code subscribe}, {@code profile}, {@code campaign} and anything else → nothing: a subscribe at Mailchimp
 *       is not consent the CRM records, and a profile edit changes no subscription state</li>
 *   <li>a GET (Mailchimp's check of the URL when the webhook is saved) → nothing</li>
 * </ul>
 *
 * <p>Mailchimp gives an event no id, so the event id is the SHA-256 of type, {@code fired_at}, address and list: a
 * delivery Mailchimp repeats gets the same id and the host's de-duplication ignores it.
 */
final class MailchimpWebhook {

    private static final DateTimeFormatter FIRED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private MailchimpWebhook() {
    }

    static List<RemoteStatusChange> parse(WebhookRequest request, @Nullable String expectedSecret, String listId)
            throws WebhookRejectedException {
        if (expectedSecret == null) {
            throw new WebhookRejectedException("No Mailchimp webhook secret is set in the plugin's settings", true);
        }
        if (!sameSecret(request.pathSecret(), expectedSecret)) {
            throw new WebhookRejectedException("Wrong Mailchimp webhook secret", true);
        }
        if ("GET".equals(request.method())) {
            return List.of();
        }
        Map<String, String> form = fields(request);
        String type = form.get("type");
        if (type == null) {
            throw new WebhookRejectedException("A Mailchimp webhook without a type", false);
        }
        String list = form.get("data[list_id]");
        if (list != null && !list.equals(listId)) {
            throw new WebhookRejectedException("A Mailchimp webhook for another audience (" + list + ")", false);
        }
        String firedAt = form.getOrDefault("fired_at", "");
        String reason = form.get("data[reason]");
        return switch (type) {
            case "unsubscribe" -> List.of(change(type, firedAt, required(form, "data[email]"), list,
                    "abuse".equals(reason) ? RemoteStatus.COMPLAINED : RemoteStatus.UNSUBSCRIBED, reason, null));
            case "cleaned" -> List.of(change(type, firedAt, required(form, "data[email]"), list,
                    "abuse".equals(reason) ? RemoteStatus.COMPLAINED : RemoteStatus.BOUNCED, reason, null));
            case "upemail" -> List.of(change(type, firedAt, required(form, "data[old_email]"), list,
                    RemoteStatus.EMAIL_CHANGED, null, required(form, "data[new_email]")));
            default -> List.of();
        };
    }

    private static RemoteStatusChange change(String type, String firedAt, String email, @Nullable String list,
            RemoteStatus status, @Nullable String reason, @Nullable String newEmail)
            throws WebhookRejectedException {
        String eventId = sha256Hex(type + "|" + firedAt + "|" + email + "|" + (list == null ? "" : list));
        return new RemoteStatusChange(email, status, firedAt(firedAt), reason,
                newEmail == null ? null : newEmail.strip().toLowerCase(Locale.ROOT), eventId);
    }

    private static String required(Map<String, String> form, String field) throws WebhookRejectedException {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            throw new WebhookRejectedException("A Mailchimp " + form.get("type") + " webhook without " + field, false);
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code fired_at} is "yyyy-MM-dd HH:mm:ss" in UTC; ISO-8601 is accepted too. */
    private static Instant firedAt(String value) throws WebhookRejectedException {
        try {
            return LocalDateTime.parse(value, FIRED_AT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notMailchimpsFormat) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new WebhookRejectedException("A Mailchimp webhook with an unreadable fired_at", false);
            }
        }
    }

    /** The host's parsed form, or the raw body read as a form when the host passed none. */
    private static Map<String, String> fields(WebhookRequest request) {
        Map<String, String> form = new HashMap<>();
        request.formOrQuery().forEach((name, values) -> {
            if (!values.isEmpty()) {
                form.put(name, values.getFirst());
            }
        });
        if (!form.containsKey("type") && request.body().length > 0) {
            for (String pair : new String(request.body(), StandardCharsets.UTF_8).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    form.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return form;
    }

    private static boolean sameSecret(String given, String expected) {
        // hashing first makes the comparison's time independent of where the two differ and of their lengths
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
