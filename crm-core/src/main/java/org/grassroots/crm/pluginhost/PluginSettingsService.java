package org.grassroots.crm.pluginhost;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.pluginhost.internal.PluginSettingsStore;
import org.grassroots.crm.pluginhost.internal.PluginSettingsStore.Stored;
import org.grassroots.crm.pluginhost.internal.SettingRules;
import org.grassroots.crm.pluginhost.internal.UnreadableSecretException;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plugin settings for admins: the form core renders from a plugin's descriptor, and saving it. Secrets are stored
 * encrypted and never shown again; each save is checked in full (host rules, then the plugin's own) and either
 * stored whole or not at all, and audited with the keys that changed, never a value.
 */
@Service
public class PluginSettingsService {

    static final String TARGET = "plugin";

    private final PluginSettingsStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PluginSettingsService(PluginSettingsStore store, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** Each field with its saved value (a secret only as "has a value"), in the descriptor's order. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public SettingsForm form(String pluginId, List<SettingField> fields) {
        Map<String, Stored> saved = saved(pluginId);
        return new SettingsForm(pluginId, fields.stream().map(field -> value(pluginId, field, saved.get(field.key())))
                .toList());
    }

    /**
     * Saves the changed fields. A key absent from {@code changes} keeps its value; an empty value clears a plain
     * field (its default applies again) but keeps a secret, which only {@link #clearSecret} removes. The host checks
     * every field (required, type, choices, cron) on the values that would be in force, then asks
     * {@code pluginValidator} about the same map (defaults included, secrets decrypted, empty values absent).
     *
     * @param pluginValidator the plugin's {@code SettingsDescriptor.validate}, called through its fault barrier
     * @throws SettingsRejectedException listing every problem; nothing is saved
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void save(String pluginId, List<SettingField> fields, Map<String, String> changes,
            Function<Map<String, String>, List<SettingProblem>> pluginValidator) {
        Map<String, SettingField> byKey = fields.stream()
                .collect(Collectors.toMap(SettingField::key, field -> field, (a, b) -> a, LinkedHashMap::new));
        Map<String, Stored> saved = saved(pluginId);
        List<SettingProblem> problems = new ArrayList<>();
        Map<String, String> writes = new LinkedHashMap<>();
        List<String> removals = new ArrayList<>();
        changes.forEach((key, raw) -> {
            SettingField field = byKey.get(key);
            if (field == null) {
                problems.add(new SettingProblem(key, "Plugin " + pluginId + " has no setting '" + key + "'."));
                return;
            }
            String value = SettingRules.normalise(field, raw);
            Stored current = saved.get(key);
            if (SettingRules.secret(field)) {
                if (!value.isEmpty()) {
                    writes.put(key, value);
                }
            } else if (value.isEmpty()) {
                if (current != null) {
                    removals.add(key);
                }
            } else if (current == null || current.encrypted() || !value.equals(current.value())) {
                writes.put(key, value);
            }
        });
        Map<String, String> inForce = new LinkedHashMap<>();
        for (SettingField field : fields) {
            String value = inForce(pluginId, field, writes, removals, saved.get(field.key()), problems);
            if (value.isEmpty()) {
                if (field.required() && problems.stream().noneMatch(p -> p.key().equals(field.key()))) {
                    problems.add(new SettingProblem(field.key(), field.label() + " is required."));
                }
            } else {
                SettingRules.problem(field, value).ifPresent(m -> problems.add(new SettingProblem(field.key(), m)));
                inForce.put(field.key(), value);
            }
        }
        if (problems.isEmpty()) {
            List<SettingProblem> found = pluginValidator.apply(Collections.unmodifiableMap(inForce));
            problems.addAll(found == null ? List.of() : found);
        }
        if (!problems.isEmpty()) {
            throw new SettingsRejectedException(pluginId, problems);
        }
        if (writes.isEmpty() && removals.isEmpty()) {
            return;
        }
        String by = currentUser();
        Instant now = clock.instant();
        writes.forEach((key, value) -> {
            if (SettingRules.secret(byKey.get(key))) {
                store.saveSecret(pluginId, key, value, by, now);
            } else {
                store.savePlain(pluginId, key, value, by, now);
            }
        });
        removals.forEach(key -> store.delete(pluginId, key));
        TreeSet<String> changed = new TreeSet<>(writes.keySet());
        changed.addAll(removals);
        audit.record(AuditEntry.of(AuditAction.PLUGIN_SETTINGS_CHANGED, TARGET, pluginId,
                Map.of("changed", List.copyOf(changed))));
        events.publishEvent(new PluginSettingsChanged(pluginId));
    }

    /**
     * Removes a saved secret, for example a leaked API key. A required secret then has no value until it is
     * entered again, and the plugin's calls that need it fail with a message naming it.
     *
     * @return whether a secret was saved under {@code key}
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public boolean clearSecret(String pluginId, String key) {
        boolean cleared = store.deleteSecret(pluginId, key);
        if (cleared) {
            audit.record(AuditEntry.of(AuditAction.PLUGIN_SETTINGS_CHANGED, TARGET, pluginId,
                    Map.of("changed", List.of(key), "secretCleared", true)));
        }
        return cleared;
    }

    private Map<String, Stored> saved(String pluginId) {
        return store.all(pluginId).stream().collect(Collectors.toMap(Stored::key, stored -> stored));
    }

    private SettingValue value(String pluginId, SettingField field, @Nullable Stored stored) {
        if (stored == null) {
            return new SettingValue(field, SettingRules.secret(field) ? null : field.defaultValue(), false, null,
                    null, null);
        }
        String problem = null;
        if (stored.encrypted()) {
            try {
                store.reveal(pluginId, stored, field.label());
            } catch (UnreadableSecretException e) {
                problem = e.getMessage();
            }
        }
        String shown = stored.encrypted() || SettingRules.secret(field) ? null : stored.value();
        return new SettingValue(field, shown, true, problem, stored.updatedBy(), stored.updatedAt());
    }

    private String inForce(String pluginId, SettingField field, Map<String, String> writes, List<String> removals,
            @Nullable Stored stored, List<SettingProblem> problems) {
        if (writes.containsKey(field.key())) {
            return writes.get(field.key());
        }
        if (stored != null && !removals.contains(field.key())) {
            try {
                return store.reveal(pluginId, stored, field.label());
            } catch (UnreadableSecretException e) {
                problems.add(new SettingProblem(field.key(), e.getMessage()));
                return "";
            }
        }
        return Objects.requireNonNullElse(field.defaultValue(), "").strip();
    }

    private static String currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
