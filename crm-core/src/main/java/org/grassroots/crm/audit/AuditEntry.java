package org.grassroots.crm.audit;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One event to append. {@code actor} may be left null to take the signed-in user (or {@code system} when nobody is
 * signed in); {@code details} holds small JSON-serialisable facts (never a password).
 */
public record AuditEntry(
        @Nullable String actor,
        AuditAction action,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable String clientAddress,
        Map<String, ?> details) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** An event by the signed-in user about one target. */
    public static AuditEntry of(AuditAction action, String targetType, Object targetId, Map<String, ?> details) {
        return new AuditEntry(null, action, targetType, String.valueOf(targetId), null, details);
    }
}
