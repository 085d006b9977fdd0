package org.grassroots.crm.exports;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A download link to an export's file. Its token is shown once, when it is created ({@link NewExportLink}); only a
 * hash of it is kept.
 *
 * @param note what the link is for, as its creator wrote it
 */
public record ExportLink(long id, long definitionId, @Nullable String note, String createdBy, Instant createdAt,
        Instant expiresAt, @Nullable String revokedBy, @Nullable Instant revokedAt, int downloads,
        @Nullable Instant lastDownloadAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Neither revoked nor expired (the export itself may still have ended). */
    public boolean usable(Instant now) {
        return !revoked() && !expired(now);
    }
}
