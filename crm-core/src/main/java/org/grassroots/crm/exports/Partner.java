package org.grassroots.crm.exports;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A coalition partner organisation that may receive exports of the supporters who consented to it. */
public record Partner(long id, String name, @Nullable String contactName, @Nullable String contactEmail,
        @Nullable String notes, Instant createdAt, String createdBy, Instant updatedAt) {
}
