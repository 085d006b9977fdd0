package org.grassroots.plugins.emaillistsync.mailman;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.plugin.api.settings.SettingType;
import org.grassroots.plugins.emaillistsync.ListSegmentSettings;

/**
 * The Mailman section of the plugin's settings form: its connection fields (the core REST API's base URL, its admin
 * user and password, the list), then its segment and schedule.
 *
 * <p>The connection fields are optional on the form, because an organisation may use only Mailchimp; once one of
 * them is filled in, {@link #validate} asks for all four.
 */
public final class MailmanSettings {

    /** The core REST API's base URL with its version, for example {@code http://127.0.0.1:8001/3.1}. */
    public static final String BASE_URL = "mailman.baseUrl";
    /** The REST admin user ({@code [webservice] admin_user} in {@code mailman.cfg}). */
    public static final String USER = "mailman.user";
    /** The REST admin password ({@code [webservice] admin_pass} in {@code mailman.cfg}). */
    public static final String PASSWORD = "mailman.password";
    /** The list: its id ({@code supporters.example.org}) or its posting address ({@code supporters@example.org}). */
    public static final String LIST_ID = "mailman.listId";

    /** The Mailman list's segment and schedule fields, under the {@code mailman.} prefix. */
    public static final ListSegmentSettings SEGMENT = new ListSegmentSettings("mailman", "Mailman");

    private static final Pattern BASE_PATH = Pattern.compile(".*/3\\.[01]/?");
    private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][-_.a-z0-9]*");
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern MAIL_HOST = Pattern.compile(LABEL + "(\\." + LABEL + ")*");

    private MailmanSettings() {
    }

    /** The Mailman fields of the form, in display order. */
    public static List<SettingField> fields() {
        List<SettingField> fields = new ArrayList<>();
        fields.add(SettingField.of(BASE_URL, "Mailman REST API URL", SettingType.URL, false)
                .withHelp("Mailman core's REST API with its version, for example http://127.0.0.1:8001/3.1 "
                        + "(the [webservice] section of mailman.cfg)."));
        fields.add(SettingField.of(USER, "Mailman REST admin user", SettingType.TEXT, false)
                .withHelp("admin_user in the [webservice] section of mailman.cfg; Debian's package uses restadmin."));
        fields.add(SettingField.of(PASSWORD, "Mailman REST admin password", SettingType.SECRET, false)
                .withHelp("admin_pass in the [webservice] section of mailman.cfg."));
        fields.add(SettingField.of(LIST_ID, "Mailman list", SettingType.TEXT, false)
                .withHelp("The list's id (supporters.example.org) or its address (supporters@example.org)."));
        fields.addAll(SEGMENT.fields());
        return fields;
    }

    /** Problems with the Mailman fields among {@code values}: all connection fields or none, the URL, the list. */
    public static List<SettingProblem> validate(Map<String, String> values) {
        List<SettingProblem> problems = new ArrayList<>();
        boolean anyConnectionField = connectionKeys().stream().anyMatch(key -> !value(values, key).isEmpty());
        if (anyConnectionField) {
            for (SettingField field : fields().subList(0, connectionKeys().size())) {
                if (value(values, field.key()).isEmpty()) {
                    problems.add(new SettingProblem(field.key(),
                            "Fill in \"" + field.label() + "\" too, or clear all four Mailman connection fields."));
                }
            }
        }
        String baseUrl = value(values, BASE_URL);
        if (!baseUrl.isEmpty()) {
            baseUrlProblem(baseUrl).ifPresent(message -> problems.add(new SettingProblem(BASE_URL, message)));
        }
        String list = value(values, LIST_ID);
        if (!list.isEmpty() && normaliseListId(list).isEmpty()) {
            problems.add(new SettingProblem(LIST_ID, "\"" + list + "\" is not a Mailman list: give its list id, for "
                    + "example supporters.example.org, or its address, for example supporters@example.org."));
        }
        problems.addAll(SEGMENT.validate(values));
        return problems;
    }

    /**
     * Mailman's list id for what the admin typed: the list id itself, or the posting address ({@code fqdn_listname})
     * with its {@code @} turned into a dot, as Mailman derives list ids; lower-case.
     *
     * @return the list id, or empty when {@code value} is neither
     */
    public static Optional<String> normaliseListId(String value) {
        String list = value.strip().toLowerCase(Locale.ROOT);
        int at = list.indexOf('@');
        if (at >= 0) {
            String name = list.substring(0, at);
            String host = list.substring(at + 1);
            return LIST_NAME.matcher(name).matches() && MAIL_HOST.matcher(host).matches()
                    ? Optional.of(name + "." + host) : Optional.empty();
        }
        int dot = list.indexOf('.');
        return dot > 0 && LIST_NAME.matcher(list.substring(0, dot)).matches()
                && MAIL_HOST.matcher(list.substring(dot + 1)).matches() ? Optional.of(list) : Optional.empty();
    }

    /** Whether all four connection fields have a value. */
    static boolean isComplete(PluginSettings settings) {
        return connectionKeys().stream().allMatch(key -> settings.get(key).filter(v -> !v.isBlank()).isPresent());
    }

    private static List<String> connectionKeys() {
        return List.of(BASE_URL, USER, PASSWORD, LIST_ID);
    }

    private static Optional<String> baseUrlProblem(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("Not a URL: " + baseUrl);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            return Optional.of("Give an http or https URL, for example http://127.0.0.1:8001/3.1.");
        }
        if (uri.getPath() == null || !BASE_PATH.matcher(uri.getPath()).matches()) {
            return Optional.of("End the URL with the REST API version, for example http://127.0.0.1:8001/3.1 "
                    + "(3.1 is recommended; 3.0 also works).");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("Leave out any ?query or #fragment: the URL ends with the API version, for example "
                    + "http://127.0.0.1:8001/3.1.");
        }
        return Optional.empty();
    }

    private static String value(Map<String, String> values, String key) {
        return values.getOrDefault(key, "").strip();
    }
}
