package org.grassroots.plugins.emaillistsync.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.plugin.api.settings.SettingType;
import org.grassroots.crm.plugin.api.testing.InMemoryPluginSettings;
import org.junit.jupiter.api.Test;

class MailchimpSettingsTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef-us21";

    @Test
    void theConnectionFieldsComeFirstAndNoneIsRequiredSoAMailmanOnlyOrganisationCanSave() {
        List<SettingField> fields = MailchimpSettings.fields();

        assertThat(fields).extracting(SettingField::key).startsWith(MailchimpSettings.API_KEY,
                MailchimpSettings.BASE_URL, MailchimpSettings.LIST_ID, MailchimpSettings.WEBHOOK_SECRET,
                "mailchimp.segment.tags");
        assertThat(fields).noneMatch(SettingField::required);
        assertThat(fields.get(0).type()).isEqualTo(SettingType.SECRET);
        assertThat(fields.get(1).type()).isEqualTo(SettingType.URL);
        assertThat(fields.get(3).type()).isEqualTo(SettingType.SECRET);
        assertThat(MailchimpSettings.validate(Map.of())).isEmpty();
    }

    @Test
    void aCompleteConnectionPasses() {
        assertThat(MailchimpSettings.validate(Map.of(MailchimpSettings.API_KEY, KEY, MailchimpSettings.LIST_ID,
                "a6b5da1054", MailchimpSettings.WEBHOOK_SECRET, "s3cret-path_segment-42"))).isEmpty();
    }

    @Test
    void eachMalformedValueIsNamed() {
        Map<String, String> values = new HashMap<>();
        values.put(MailchimpSettings.API_KEY, "not-a-key");
        values.put(MailchimpSettings.BASE_URL, "ftp://example.org/3.0");
        values.put(MailchimpSettings.LIST_ID, "A6B5-DA10");
        values.put(MailchimpSettings.WEBHOOK_SECRET, "short");

        assertThat(MailchimpSettings.validate(values)).extracting(SettingProblem::key).containsExactlyInAnyOrder(
                MailchimpSettings.API_KEY, MailchimpSettings.BASE_URL, MailchimpSettings.LIST_ID,
                MailchimpSettings.WEBHOOK_SECRET);
    }

    @Test
    void aKeyWithoutAnAudienceAndAnAudienceWithoutAKeyAreRefused() {
        assertThat(MailchimpSettings.validate(Map.of(MailchimpSettings.API_KEY, KEY)))
                .extracting(SettingProblem::key).containsExactly(MailchimpSettings.LIST_ID);
        assertThat(MailchimpSettings.validate(Map.of(MailchimpSettings.LIST_ID, "a6b5da1054")))
                .extracting(SettingProblem::key).containsExactly(MailchimpSettings.API_KEY);
    }

    @Test
    void theMessagesNeverRepeatTheKey() {
        String wrongKey = "fedcba9876543210fedcba9876543210";
        assertThat(MailchimpSettings.validate(Map.of(MailchimpSettings.API_KEY, wrongKey, MailchimpSettings.LIST_ID,
                "a6b5da1054"))).singleElement().extracting(SettingProblem::message).asString()
                .doesNotContain(wrongKey);
    }

    @Test
    void theBaseUrlFollowsFromTheKeysDataCenterUnlessSet() {
        InMemoryPluginSettings settings = new InMemoryPluginSettings(MailchimpSettings.fields())
                .set(MailchimpSettings.API_KEY, KEY);
        assertThat(MailchimpSettings.baseUrl(settings)).contains(URI.create("https://us21.api.mailchimp.com/3.0"));

        settings.set(MailchimpSettings.BASE_URL, "http://127.0.0.1:8089/3.0/");
        assertThat(MailchimpSettings.baseUrl(settings)).contains(URI.create("http://127.0.0.1:8089/3.0"));

        settings.clear(MailchimpSettings.BASE_URL).set(MailchimpSettings.API_KEY, "nodatacenter");
        assertThat(MailchimpSettings.baseUrl(settings)).isEmpty();
    }

    @Test
    void theSegmentFieldsAreValidatedToo() {
        assertThat(MailchimpSettings.validate(Map.of("mailchimp.segment.states", "IA, XX")))
                .extracting(SettingProblem::key).containsExactly("mailchimp.segment.states");
    }
}
