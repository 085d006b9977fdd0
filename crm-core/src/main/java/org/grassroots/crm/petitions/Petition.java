package org.grassroots.crm.petitions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A petition as stored.
 *
 * @param slug   its address in links and imports, lower-case letters, digits and dashes
 * @param target who the petition is addressed to, e.g. "Governor of Iowa"
 * @param goal   the signature goal, when there is one
 */
public record Petition(long id, String slug, String title, @Nullable String description, @Nullable String target,
        @Nullable Integer goal, Instant createdAt, String createdBy, Instant updatedAt) {
}
