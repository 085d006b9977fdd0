package org.grassroots.crm.people;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A supporter's contact and location fields as integrations see them: no phones, notes or giving.
 *
 * @param email       the primary address, or {@code null}
 * @param emailStatus the primary address's status, or {@code null} when there is no primary address
 * @param zip         five or nine digits, as stored
 * @param tags        tag names, alphabetical
 * @param updatedAt   when the supporter (their fields, tags or an address's status) last changed
 */
public record SupporterSnapshot(long id, @Nullable String firstName, @Nullable String lastName,
        @Nullable String email, @Nullable SubscriptionStatus emailStatus, @Nullable String state, @Nullable String zip,
        @Nullable String city, List<String> tags, Instant updatedAt) {

    public SupporterSnapshot {
        tags = List.copyOf(tags);
    }
}
