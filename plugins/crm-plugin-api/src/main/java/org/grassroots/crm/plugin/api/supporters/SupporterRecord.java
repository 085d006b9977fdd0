package org.grassroots.crm.plugin.api.supporters;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A supporter as plugins see them: contact and location fields, never donations or notes.
 *
 * @param id           the supporter's id; stable, and a merged-away id still resolves to the survivor
 * @param firstName    first name, or {@code null}
 * @param lastName     last name, or {@code null}
 * @param email        the primary e-mail address, lower-case, or {@code null} when they have none
 * @param emailStatus  the state of the primary address, or {@code null} when there is none
 * @param state        the two-letter USPS state code, or {@code null}
 * @param zip          the five-digit ZIP code, or {@code null}
 * @param city         the city, or {@code null}
 * @param tags         tag names
 * @param updatedAt    when any of these fields last changed
 */
public record SupporterRecord(long id, @Nullable String firstName, @Nullable String lastName, @Nullable String email,
        @Nullable EmailStatus emailStatus, @Nullable String state, @Nullable String zip, @Nullable String city,
        Set<String> tags, Instant updatedAt) {

    public SupporterRecord {
        tags = Set.copyOf(tags);
    }
}
