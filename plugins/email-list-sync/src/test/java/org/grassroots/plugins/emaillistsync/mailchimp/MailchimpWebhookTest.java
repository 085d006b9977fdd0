package org.grassroots.plugins.emaillistsync.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.grassroots.crm.plugin.api.email.WebhookRejectedException;
import org.grassroots.crm.plugin.api.email.WebhookRequest;
import org.grassroots.crm.plugin.api.testing.InMemoryPluginSettings;
import org.junit.jupiter.api.Test;

/**
 * Webhook calls as Mailchimp sends them: form-encoded bodies with PHP-style bracketed keys, the example payloads of
 * Mailchimp's webhook documentation (fired_at 2009-03-26 …), the list id replaced by the configured audience's.
 */
class MailchimpWebhookTest {

    private static final String SECRET = "w3bh00k-secret-for-tests";
    private static final String LIST = "a6b5da1054";

    private final MailchimpProvider provider = new MailchimpProvider(new InMemoryPluginSettings(MailchimpSettings.fields())
            .set(MailchimpSettings.API_KEY, FakeMailchimp.DEFAULT_API_KEY).set(MailchimpSettings.LIST_ID, LIST)
            .set(MailchimpSettings.WEBHOOK_SECRET, SECRET));

    static final String UNSUBSCRIBE = "type=unsubscribe&fired_at=2009-03-26+21%3A40%3A57&data%5Baction%5D=unsub"
            + "&data%5Breason%5D=manual&data%5Bid%5D=8a25ff1d98&data%5Blist_id%5D=a6b5da1054"
            + "&data%5Bemail%5D=api%2Bunsub%40mailchimp.com&data%5Bemail_type%5D=html"
            + "&data%5Bmerges%5D%5BEMAIL%5D=api%2Bunsub%40mailchimp.com&data%5Bmerges%5D%5BFNAME%5D=Mailchimp"
            + "&data%5Bmerges%5D%5BLNAME%5D=API&data%5Bmerges%5D%5BINTERESTS%5D=Group1%2CGroup2"
            + "&data%5Bip_opt%5D=10.20.10.30&data%5Bcampaign_id%5D=cb398d21d2";
    static final String CLEANED = "type=cleaned&fired_at=2009-03-26+22%3A01%3A00&data%5Blist_id%5D=a6b5da1054"
            + "&data%5Bcampaign_id%5D=4fjk2ma9xd&data%5Breason%5D=hard&data%5Bemail%5D=api%2Bcleaned%40mailchimp.com";
    static final String UPEMAIL = "type=upemail&fired_at=2009-03-26+22%3A15%3A09&data%5Blist_id%5D=a6b5da1054"
            + "&data%5Bnew_id%5D=51da8c3259&data%5Bnew_email%5D=api%2Bnew%40mailchimp.com"
            + "&data%5Bold_email%5D=api%2Bold%40mailchimp.com";
    static final String PROFILE = "type=profile&fired_at=2009-03-26+21%3A31%3A21&data%5Bid%5D=8a25ff1d98"
            + "&data%5Blist_id%5D=a6b5da1054&data%5Bemail%5D=api%40mailchimp.com&data%5Bemail_type%5D=html"
            + "&data%5Bmerges%5D%5BEMAIL%5D=api%40mailchimp.com&data%5Bmerges%5D%5BFNAME%5D=Mailchimp"
            + "&data%5Bmerges%5D%5BLNAME%5D=API&data%5Bip_opt%5D=10.20.10.30";
    static final String SUBSCRIBE = "type=subscribe&fired_at=2009-03-26+21%3A35%3A57&data%5Bid%5D=8a25ff1d98"
            + "&data%5Blist_id%5D=a6b5da1054&data%5Bemail%5D=api%40mailchimp.com&data%5Bemail_type%5D=html"
            + "&data%5Bip_opt%5D=10.20.10.30&data%5Bip_signup%5D=10.20.10.30";

    @Test
    void anUnsubscribeIsAnUnsubscribeAtTheTimeMailchimpFiredIt() throws WebhookRejectedException {
        RemoteStatusChange change = provider.parseWebhook(post(SECRET, UNSUBSCRIBE)).getFirst();

        assertThat(change.email()).isEqualTo("api+unsub@mailchimp.com");
        assertThat(change.status()).isEqualTo(RemoteStatus.UNSUBSCRIBED);
        assertThat(change.at()).isEqualTo(Instant.parse("2009-03-26T21:40:57Z"));
        assertThat(change.reason()).isEqualTo("manual");
        assertThat(change.eventId()).hasSize(64);
    }

    @Test
    void anUnsubscribeForAbuseIsAComplaint() throws WebhookRejectedException {
        assertThat(provider.parseWebhook(post(SECRET, UNSUBSCRIBE.replace("reason%5D=manual", "reason%5D=abuse"))))
                .singleElement().extracting(RemoteStatusChange::status).isEqualTo(RemoteStatus.COMPLAINED);
    }

    @Test
    void aCleanedAddressIsABounceOrForAbuseAComplaint() throws WebhookRejectedException {
        RemoteStatusChange hard = provider.parseWebhook(post(SECRET, CLEANED)).getFirst();
        assertThat(hard.email()).isEqualTo("api+cleaned@mailchimp.com");
        assertThat(hard.status()).isEqualTo(RemoteStatus.BOUNCED);
        assertThat(hard.reason()).isEqualTo("hard");

        assertThat(provider.parseWebhook(post(SECRET, CLEANED.replace("reason%5D=hard", "reason%5D=abuse"))))
                .singleElement().extracting(RemoteStatusChange::status).isEqualTo(RemoteStatus.COMPLAINED);
    }

    @Test
    void anAddressChangeNamesTheOldAndTheNewAddress() throws WebhookRejectedException {
        RemoteStatusChange change = provider.parseWebhook(post(SECRET, UPEMAIL)).getFirst();

        assertThat(change.status()).isEqualTo(RemoteStatus.EMAIL_CHANGED);
        assertThat(change.email()).isEqualTo("api+old@mailchimp.com");
        assertThat(change.newEmail()).isEqualTo("api+new@mailchimp.com");
        assertThat(change.at()).isEqualTo(Instant.parse("2009-03-26T22:15:09Z"));
    }

    @Test
    void profileAndSubscribeEventsChangeNothing() throws WebhookRejectedException {
        assertThat(provider.parseWebhook(post(SECRET, PROFILE))).isEmpty();
        assertThat(provider.parseWebhook(post(SECRET, SUBSCRIBE))).isEmpty();
        assertThat(provider.parseWebhook(post(SECRET, "type=campaign&fired_at=2009-03-26+21%3A31%3A21"
                + "&data%5Bid%5D=5aa2102003&data%5Bsubject%5D=Test&data%5Bstatus%5D=sent"
                + "&data%5Breason%5D=&data%5Blist_id%5D=a6b5da1054"))).isEmpty();
    }

    @Test
    void mailchimpsValidationGetIsAcceptedWithTheRightSecret() throws WebhookRejectedException {
        WebhookRequest get = new WebhookRequest("GET", SECRET, Map.of("user-agent",
                List.of("MailChimp.com WebHook Validator")), Map.of(), new byte[0]);

        assertThat(provider.parseWebhook(get)).isEmpty();
    }

    @Test
    void aWrongOrMissingSecretIsForbidden() {
        for (String secret : List.of("wrong", "", SECRET + "x", SECRET.substring(1))) {
            assertThatThrownBy(() -> provider.parseWebhook(post(secret, UNSUBSCRIBE)))
                    .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.forbidden()).isTrue());
        }
        MailchimpProvider noSecret = new MailchimpProvider(new InMemoryPluginSettings(MailchimpSettings.fields())
                .set(MailchimpSettings.API_KEY, FakeMailchimp.DEFAULT_API_KEY).set(MailchimpSettings.LIST_ID, LIST));
        assertThatThrownBy(() -> noSecret.parseWebhook(post("", UNSUBSCRIBE)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.forbidden()).isTrue());
    }

    @Test
    void anotherAudiencesEventIsRejected() {
        assertThatThrownBy(() -> provider.parseWebhook(post(SECRET, UNSUBSCRIBE.replace("a6b5da1054", "ffffffffff"))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.forbidden()).isFalse();
                    assertThat(e).hasMessageContaining("another audience");
                });
    }

    @Test
    void anUnreadableEventIsABadRequest() {
        assertThatThrownBy(() -> provider.parseWebhook(post(SECRET, "fired_at=2009-03-26+21%3A40%3A57")))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.forbidden()).isFalse());
        assertThatThrownBy(() -> provider.parseWebhook(post(SECRET, "type=unsubscribe&fired_at=2009-03-26+21%3A40%3A57")))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e).hasMessageContaining("data[email]"));
        assertThatThrownBy(() -> provider.parseWebhook(post(SECRET, CLEANED.replace("2009-03-26+22", "yesterday"))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e).hasMessageContaining("fired_at"));
    }

    @Test
    void aReplayedDeliveryHasTheSameEventIdAndADifferentEventAnother() throws WebhookRejectedException {
        String first = provider.parseWebhook(post(SECRET, UNSUBSCRIBE)).getFirst().eventId();
        String replay = provider.parseWebhook(post(SECRET, UNSUBSCRIBE)).getFirst().eventId();
        String later = provider.parseWebhook(post(SECRET, UNSUBSCRIBE.replace("21%3A40%3A57", "21%3A41%3A00")))
                .getFirst().eventId();
        String cleaned = provider.parseWebhook(post(SECRET, CLEANED)).getFirst().eventId();

        assertThat(replay).isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
        assertThat(cleaned).isNotEqualTo(first);
    }

    @Test
    void theRawBodyIsReadWhenTheHostPassedNoForm() throws WebhookRejectedException {
        WebhookRequest raw = new WebhookRequest("POST", SECRET,
                Map.of("content-type", List.of("application/x-www-form-urlencoded")), Map.of(),
                CLEANED.getBytes(StandardCharsets.UTF_8));

        assertThat(provider.parseWebhook(raw)).singleElement().extracting(RemoteStatusChange::status)
                .isEqualTo(RemoteStatus.BOUNCED);
    }

    /** A POST as the host hands it over: the form parsed into fields, and the raw body. */
    static WebhookRequest post(String secret, String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            form.computeIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    k -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return new WebhookRequest("POST", secret, Map.of("content-type",
                List.of("application/x-www-form-urlencoded"), "user-agent", List.of("MailChimp")), form,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
