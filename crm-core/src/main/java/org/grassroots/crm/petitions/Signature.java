package org.grassroots.crm.petitions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One person's signature on one petition, with the petition's title and the signer's display name so lists need no
 * second look-up.
 *
 * @param source     where it came from, e.g. "Paper" or an import platform
 * @param externalId the signature's id on the platform it was imported from
 */
public record Signature(long id, long petitionId, String petitionTitle, long personId, String personName,
        Instant signedAt, @Nullable String source, @Nullable String comment, @Nullable String externalId) {
}
