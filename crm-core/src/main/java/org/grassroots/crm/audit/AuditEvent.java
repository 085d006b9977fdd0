package org.grassroots.crm.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A recorded audit event; {@code detailsJson} is the stored JSON object as text. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable String clientAddress,
        String detailsJson) {
}
