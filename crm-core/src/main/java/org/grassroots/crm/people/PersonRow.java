package org.grassroots.crm.people;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of the supporters list; {@code tags} is a comma-separated summary, {@code demo} marks synthetic data. */
public record PersonRow(long id, String name, @Nullable String primaryEmail, @Nullable String state,
        @Nullable String zip, String tags, Instant createdAt, boolean demo) {
}
