package org.grassroots.plugins.emaillistsync.mailchimp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.plugin.api.settings.SettingType;
import org.grassroots.plugins.emaillistsync.ListSegmentSettings;

/**
 * The Mailchimp section of the plugin's settings form: its connection fields, then its segment and schedule. No
 * field is required, so an organisation that only uses Mailman can save the form; {@link MailchimpProvider} reports
 * itself unconfigured until the key and the audience id are filled in.
 */
public final class MailchimpSettings {

    /** The Marketing API key, {@code <32 hex digits>-<data center>}, for example {@code …-us21}. */
    public static final String API_KEY = "mailchimp.apiKey";
    /** The API's base URL; empty to derive it from the key's data center. Tests point it at a fake. */
    public static final String BASE_URL = "mailchimp.baseUrl";
    /** The audience (list) id. */
    public static final String LIST_ID = "mailchimp.listId";
    /** The secret path segment of the CRM's webhook URL that Mailchimp calls. */
    public static final String WEBHOOK_SECRET = "mailchimp.webhookSecret";

    /** The audience's segment and schedule fields, under {@code mailchimp.segment.*} and {@code mailchimp.schedule}. */
    public static final ListSegmentSettings SEGMENT = new ListSegmentSettings("mailchimp", "Mailchimp");

    private static final Pattern API_KEY_FORMAT = Pattern.compile("[0-9a-f]{32}-([a-z]{2,4}[0-9]{1,3})");
    private static final Pattern LIST_ID_FORMAT = Pattern.compile("[0-9a-z]{10}");
    private static final Pattern WEBHOOK_SECRET_FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private MailchimpSettings() {
    }

    /** The Mailchimp fields of the form: the connection first, then the segment and schedule. */
    public static List<SettingField> fields() {
        List<SettingField> fields = new ArrayList<>();
        fields.add(SettingField.of(API_KEY, "Mailchimp API key", SettingType.SECRET, false)
                .withHelp("Account → Extras → API keys; it ends in your data center, for example -us21."));
        fields.add(SettingField.of(BASE_URL, "Mailchimp API URL", SettingType.URL, false)
                .withHelp("Leave empty: it follows from the key (https://us21.api.mailchimp.com/3.0 for a -us21 key)."));
        fields.add(SettingField.of(LIST_ID, "Mailchimp audience id", SettingType.TEXT, false)
                .withHelp("Audience → Settings → Audience name and defaults → Audience ID, for example a6b5da1054."));
        fields.add(SettingField.of(WEBHOOK_SECRET, "Mailchimp webhook secret", SettingType.SECRET, false)
                .withHelp("16 or more letters, digits, - or _; the last part of the webhook URL you give Mailchimp."));
        fields.addAll(SEGMENT.fields());
        return fields;
    }

    /** Problems with the Mailchimp fields among {@code values} (a form's values, empty ones absent). */
    public static List<SettingProblem> validate(Map<String, String> values) {
        List<SettingProblem> problems = new ArrayList<>();
        String key = values.getOrDefault(API_KEY, "").strip();
        if (!key.isEmpty() && !API_KEY_FORMAT.matcher(key).matches()) {
            problems.add(new SettingProblem(API_KEY, "A Mailchimp API key is 32 hexadecimal characters, a dash and the"
                    + " data center, for example 0123456789abcdef0123456789abcdef-us21."));
        }
        String url = values.getOrDefault(BASE_URL, "").strip();
        if (!url.isEmpty() && parseBaseUrl(url).isEmpty()) {
            problems.add(new SettingProblem(BASE_URL,
                    "The API URL must be an absolute http or https URL, for example https://us21.api.mailchimp.com/3.0."));
        }
        String listId = values.getOrDefault(LIST_ID, "").strip();
        if (!listId.isEmpty() && !LIST_ID_FORMAT.matcher(listId).matches()) {
            problems.add(new SettingProblem(LIST_ID,
                    "An audience id is 10 lower-case letters and digits, for example a6b5da1054."));
        }
        if ((!key.isEmpty() || !url.isEmpty()) && listId.isEmpty()) {
            problems.add(new SettingProblem(LIST_ID, "Fill in the audience id the API key should sync."));
        }
        if (!listId.isEmpty() && key.isEmpty()) {
            problems.add(new SettingProblem(API_KEY, "Fill in the API key of the account that owns the audience."));
        }
        String secret = values.getOrDefault(WEBHOOK_SECRET, "").strip();
        if (!secret.isEmpty() && !WEBHOOK_SECRET_FORMAT.matcher(secret).matches()) {
            problems.add(new SettingProblem(WEBHOOK_SECRET,
                    "The webhook secret is 16 to 128 letters, digits, - or _, so it can be part of a URL."));
        }
        problems.addAll(SEGMENT.validate(values));
        return problems;
    }

    /**
     * The API base URL the saved settings lead to: the URL setting when filled in, else the one the key's data
     * center names; empty when neither gives one.
     */
    static Optional<URI> baseUrl(PluginSettings settings) {
        Optional<String> url = value(settings, BASE_URL);
        if (url.isPresent()) {
            return parseBaseUrl(url.get());
        }
        return value(settings, API_KEY).map(API_KEY_FORMAT::matcher).filter(Matcher::matches)
                .map(key -> URI.create("https://" + key.group(1) + ".api.mailchimp.com/3.0"));
    }

    static Optional<String> value(PluginSettings settings, String key) {
        return settings.get(key).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<URI> parseBaseUrl(String url) {
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
