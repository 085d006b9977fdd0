package org.grassroots.crm.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEvent;
import org.grassroots.crm.audit.AuditFilter;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.plugin.api.settings.SettingType;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class PluginSettingsServiceTest {

    private static final String API_KEY = "0123456789abcdef0123456789abcdef-us21";
    private static final SettingField KEY = SettingField.of("apiKey", "API key", SettingType.SECRET, true);
    private static final SettingField LIST = SettingField.of("listId", "List id", SettingType.TEXT, true);
    private static final SettingField BATCH = SettingField.of("batch", "Batch size", SettingType.INTEGER, false)
            .withDefault("500");
    private static final SettingField REGION = new SettingField("region", "Region", SettingType.CHOICE, false, "us",
            null, List.of("us", "eu"));
    private static final SettingField SCHEDULE = SettingField.of("schedule", "Schedule", SettingType.CRON, false);
    private static final SettingField HOOK = SettingField.of("hook", "Webhook address", SettingType.URL, false);
    private static final List<SettingField> FIELDS = List.of(KEY, LIST, BATCH, REGION, SCHEDULE, HOOK);

    @Autowired
    PluginSettingsService settings;

    @Autowired
    PluginPortSource<PluginSettings> port;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    private String pluginId;

    @BeforeEach
    void signInAsAdmin() {
        pluginId = "settings-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("alice-admin", Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aNewFormShowsDefaultsAndNothingSaved() {
        SettingsForm form = settings.form(pluginId, FIELDS);

        assertThat(form.fields()).extracting(v -> v.field().key())
                .containsExactly("apiKey", "listId", "batch", "region", "schedule", "hook");
        assertThat(form.fields()).allSatisfy(value -> assertThat(value.hasValue()).isFalse());
        assertThat(form.fields().get(2).value()).isEqualTo("500");
        assertThat(form.fields().get(3).value()).isEqualTo("us");
    }

    @Test
    void savedSecretsAreEncryptedInTheDatabaseAndNeverShownAgain() {
        settings.save(pluginId, FIELDS, Map.of("apiKey", API_KEY, "listId", "1a2b3c4d5e"), values -> List.of());

        Map<String, Object> row = jdbc.sql("SELECT value, ciphertext, nonce, is_secret FROM plugin_setting "
                + "WHERE plugin_id = :id AND key = 'apiKey'").param("id", pluginId).query().singleRow();
        assertThat(row.get("value")).isNull();
        assertThat(row.get("is_secret")).isEqualTo(true);
        assertThat((byte[]) row.get("nonce")).hasSize(12);
        String stored = new String((byte[]) row.get("ciphertext"), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(API_KEY).doesNotContain("0123456789abcdef");
        String everything = jdbc.sql("SELECT string_agg(t::text, '|') FROM plugin_setting t WHERE plugin_id = :id")
                .param("id", pluginId).query(String.class).single();
        assertThat(everything).doesNotContain("0123456789abcdef").contains("1a2b3c4d5e");

        SettingValue shown = settings.form(pluginId, FIELDS).fields().getFirst();
        assertThat(shown.hasValue()).isTrue();
        assertThat(shown.value()).isNull();
        assertThat(shown.updatedBy()).isEqualTo("alice-admin");
        assertThat(port(FIELDS).get("apiKey")).contains(API_KEY);
    }

    @Test
    void aSecretLeftBlankKeepsItsValueAndThePluginValidatorSeesItWithTheDefaults() {
        settings.save(pluginId, FIELDS, Map.of("apiKey", API_KEY, "listId", "list-1"), values -> List.of());
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();

        settings.save(pluginId, FIELDS, Map.of("apiKey", "  ", "listId", "list-2", "schedule", ""), values -> {
            seen.set(new HashMap<>(values));
            return List.of();
        });

        assertThat(seen.get()).containsExactlyInAnyOrderEntriesOf(
                Map.of("apiKey", API_KEY, "listId", "list-2", "batch", "500", "region", "us"));
        assertThat(port(FIELDS).get("apiKey")).contains(API_KEY);
        assertThat(port(FIELDS).get("listId")).contains("list-2");
    }

    @Test
    void everyProblemIsReportedByFieldAndNothingIsSaved() {
        settings.save(pluginId, FIELDS, Map.of("apiKey", API_KEY, "listId", "keep-me"), values -> List.of());
        List<Map<String, String>> validatorCalls = new ArrayList<>();

        assertThatThrownBy(() -> settings.save(pluginId, FIELDS, Map.of("listId", "", "batch", "lots",
                "region", "asia", "schedule", "every day", "hook", "ftp://x.org", "colour", "red",
                "apiKey", "new-key"), values -> {
                    validatorCalls.add(values);
                    return List.of();
                }))
                .isInstanceOfSatisfying(SettingsRejectedException.class, e -> {
                    assertThat(e.pluginId()).isEqualTo(pluginId);
                    assertThat(e.problems()).extracting(SettingProblem::key)
                            .containsExactlyInAnyOrder("listId", "batch", "region", "schedule", "hook", "colour");
                    assertThat(e.problems()).filteredOn(p -> p.key().equals("listId")).singleElement()
                            .extracting(SettingProblem::message).asString().contains("List id is required");
                });

        assertThat(validatorCalls).as("the plugin is asked only about values the host accepts").isEmpty();
        assertThat(port(FIELDS).get("listId")).contains("keep-me");
        assertThat(port(FIELDS).get("apiKey")).contains(API_KEY);
    }

    @Test
    void thePluginsOwnProblemsStopTheSave() {
        assertThatThrownBy(() -> settings.save(pluginId, FIELDS, Map.of("apiKey", API_KEY, "listId", "short"),
                values -> List.of(new SettingProblem("listId", "The list id is 10 hexadecimal characters"))))
                .isInstanceOfSatisfying(SettingsRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("listId");
                    assertThat(e.getMessage()).contains("10 hexadecimal");
                });

        assertThat(settings.form(pluginId, FIELDS).fields()).noneMatch(SettingValue::hasValue);
    }

    @Test
    void oneAuditEventListsTheChangedKeysButNeverASecret() {
        settings.save(pluginId, FIELDS, Map.of("apiKey", API_KEY, "listId", "list-1", "batch", "500"),
                values -> List.of());
        settings.save(pluginId, FIELDS, Map.of("listId", "list-1", "batch", "250"), values -> List.of());
        settings.save(pluginId, FIELDS, Map.of("listId", "list-1"), values -> List.of());

        List<AuditEvent> events = audit.find(new AuditFilter(null, AuditAction.PLUGIN_SETTINGS_CHANGED, pluginId,
                null, null), 0, 10);
        assertThat(events).hasSize(2).allSatisfy(event -> {
            assertThat(event.actor()).isEqualTo("alice-admin");
            assertThat(event.targetType()).isEqualTo("plugin");
            assertThat(event.detailsJson()).doesNotContain(API_KEY).doesNotContain("list-1");
        });
        assertThat(events.get(0).detailsJson()).contains("\"batch\"").doesNotContain("listId");
        assertThat(events.get(1).detailsJson()).contains("\"apiKey\"", "\"batch\"", "\"listId\"");
    }

    @Test
    void clearingASecretRemovesItAndTheRequiredFieldNamesItsLabel() {
        settings.save(pluginId, FIELDS, Map.of("apiKey", API_KEY, "listId", "list-1"), values -> List.of());

        assertThat(settings.clearSecret(pluginId, "apiKey")).isTrue();
        assertThat(settings.clearSecret(pluginId, "apiKey")).isFalse();
        assertThat(settings.clearSecret(pluginId, "listId")).as("only secrets are cleared this way").isFalse();

        PluginSettings plugin = port(FIELDS);
        assertThat(plugin.get("apiKey")).isEmpty();
        assertThatThrownBy(() -> plugin.require("apiKey")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"API key\"").hasMessageContaining(pluginId);
        assertThat(audit.find(new AuditFilter(null, AuditAction.PLUGIN_SETTINGS_CHANGED, pluginId, null, null), 0,
                10)).hasSize(2);
    }

    @Test
    void thePortReadsAtCallTimeWithDefaultsAndTypedValues() {
        PluginSettings plugin = port(FIELDS);
        assertThat(plugin.getInt("batch", 1)).isEqualTo(500);
        assertThat(plugin.get("region")).contains("us");
        assertThat(plugin.get("schedule")).isEmpty();
        assertThat(plugin.get("undeclared")).isEmpty();

        settings.save(pluginId, FIELDS, Map.of("apiKey", API_KEY, "listId", "l", "batch", "250", "region", "eu"),
                values -> List.of());

        assertThat(plugin.getInt("batch", 1)).isEqualTo(250);
        assertThat(plugin.get("region")).contains("eu");
        assertThat(plugin.require("listId")).isEqualTo("l");

        settings.save(pluginId, FIELDS, Map.of("batch", ""), values -> List.of());
        assertThat(plugin.getInt("batch", 1)).as("cleared: the default applies again").isEqualTo(500);
    }

    @Test
    void aSecretTheKeyCannotDecryptIsReportedNotCrashed() {
        settings.save(pluginId, FIELDS, Map.of("apiKey", API_KEY, "listId", "list-1"), values -> List.of());
        // a ciphertext moved from another setting: authenticated data no longer matches
        jdbc.sql("UPDATE plugin_setting SET key = 'otherKey' WHERE plugin_id = :id AND key = 'apiKey'")
                .param("id", pluginId).update();
        SettingField other = SettingField.of("otherKey", "Other key", SettingType.SECRET, false);
        List<SettingField> fields = List.of(other, LIST);

        assertThat(settings.form(pluginId, fields).fields().getFirst().problem())
                .contains("\"Other key\"").contains("cannot be decrypted with the current key; re-enter it");
        assertThatThrownBy(() -> port(fields).get("otherKey")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be decrypted").hasMessageContaining(pluginId);
        assertThatThrownBy(() -> settings.save(pluginId, fields, Map.of("listId", "list-2"), values -> List.of()))
                .isInstanceOf(SettingsRejectedException.class).hasMessageContaining("re-enter it");

        settings.save(pluginId, fields, Map.of("otherKey", "re-entered", "listId", "list-2"), values -> List.of());
        assertThat(port(fields).get("otherKey")).contains("re-entered");
    }

    @Test
    void onlyAdminsMayReadOrChangeSettings() {
        signIn("olga", Role.ORGANIZER, Role.FUNDRAISER, Role.VOLUNTEER_COORDINATOR, Role.ANALYST);

        assertThatThrownBy(() -> settings.form(pluginId, FIELDS)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> settings.save(pluginId, FIELDS, Map.of("listId", "x"), values -> List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> settings.clearSecret(pluginId, "apiKey")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void pluginsReadTheirSettingsWithNobodySignedIn() {
        settings.save(pluginId, FIELDS, Map.of("apiKey", API_KEY, "listId", "list-1"), values -> List.of());
        SecurityContextHolder.clearContext();

        assertThat(port(FIELDS).require("apiKey")).isEqualTo(API_KEY);
        assertThat(port.forPlugin(new PluginScope("another-plugin", getClass().getClassLoader(), () -> FIELDS))
                .get("apiKey")).as("a plugin sees only its own settings").isEmpty();
    }

    private PluginSettings port(List<SettingField> fields) {
        return port.forPlugin(new PluginScope(pluginId, getClass().getClassLoader(), () -> fields));
    }

    private static void signIn(String username, Role... roles) {
        var authorities = AuthorityUtils.createAuthorityList(
                java.util.Arrays.stream(roles).map(Role::authority).toArray(String[]::new));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "n/a", authorities));
        SecurityContextHolder.setContext(context);
    }
}
