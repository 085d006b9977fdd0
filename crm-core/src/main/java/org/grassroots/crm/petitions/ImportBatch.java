package org.grassroots.crm.petitions;

import java.time.Instant;

import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.jspecify.annotations.Nullable;

/**
 * One petition import or dry run, as the wizard's result page and the petition's import history show it.
 *
 * @param jobId         the background job that ran it, if any
 * @param peopleRemoved supporters deleted by the rollback, once rolled back
 */
public record ImportBatch(long id, long petitionId, @Nullable Long jobId, String fileName, String source,
        OptInPolicy optInPolicy, boolean fillBlankFields, boolean dryRun, ImportCounts counts, String requestedBy,
        Instant createdAt, @Nullable Instant rolledBackAt, @Nullable String rolledBackBy,
        @Nullable Long peopleRemoved) {

    public boolean rolledBack() {
        return rolledBackAt != null;
    }
}
