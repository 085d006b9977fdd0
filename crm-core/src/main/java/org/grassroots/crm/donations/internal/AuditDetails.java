package org.grassroots.crm.donations.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Builds the small fact maps audit events carry: no null values, amounts as plain text, changes as before/after. */
public final class AuditDetails {

    private final Map<String, Object> facts = new LinkedHashMap<>();

    public AuditDetails put(String key, Object value) {
        if (value != null) {
            facts.put(key, value instanceof java.math.BigDecimal amount ? amount.toPlainString() : value.toString());
        }
        return this;
    }

    public Map<String, Object> toMap() {
        return facts;
    }

    /** The fields whose values differ, each as {@code {"before": …, "after": …}} (a missing value is "").*/
    public static Map<String, Object> changes(AuditDetails before, AuditDetails after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        var keys = new java.util.LinkedHashSet<>(before.facts.keySet());
        keys.addAll(after.facts.keySet());
        for (String key : keys) {
            Object old = before.facts.getOrDefault(key, "");
            Object now = after.facts.getOrDefault(key, "");
            if (!Objects.equals(old, now)) {
                changed.put(key, Map.of("before", old, "after", now));
            }
        }
        return changed;
    }
}
