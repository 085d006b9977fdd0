package org.grassroots.crm.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the audit screen narrows by; every field is optional. {@code actor} matches exactly (usernames are
 * lower-case), {@code target} matches the target id exactly, times are UTC with {@code to} exclusive.
 */
public record AuditFilter(
        @Nullable String actor,
        @Nullable AuditAction action,
        @Nullable String target,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
