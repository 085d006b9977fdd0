package org.grassroots.crm.petitions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A row of the petitions list: the petition and how many people have signed it. */
public record PetitionSummary(long id, String slug, String title, @Nullable String target, @Nullable Integer goal,
        Instant createdAt, long signatureCount) {
}
