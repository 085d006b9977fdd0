package org.grassroots.crm.exports;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One attempt to produce an export's encrypted file.
 *
 * @param jobId          the background job that writes it (follow its progress through the jobs service)
 * @param outcome        null while the job is under way
 * @param rowCount       people in the file, once ready
 * @param contentBytes   the size of the file as downloaded (decrypted), once ready
 * @param fileDeletedAt  when the ready file was deleted (expired or revoked)
 * @param deletedBy      who revoked it, or null when it expired
 * @param deletionReason why it was deleted
 */
public record ExportProductionRun(long id, long definitionId, @Nullable Long jobId, String requestedBy,
        Instant requestedAt, @Nullable ProductionOutcome outcome, @Nullable Instant finishedAt,
        @Nullable Long rowCount, @Nullable Long contentBytes, @Nullable Instant fileDeletedAt,
        @Nullable String deletedBy, @Nullable String deletionReason) {
}
