package org.grassroots.crm.exports;

import org.jspecify.annotations.Nullable;

/** A shared supporter who consents to the partner: whom to look at, not a file to send. */
public record OverlapMatch(long personId, @Nullable String firstName, @Nullable String lastName,
        @Nullable String email) {
}
