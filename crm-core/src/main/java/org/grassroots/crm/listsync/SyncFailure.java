package org.grassroots.crm.listsync;

import org.jspecify.annotations.Nullable;

/**
 * A member the provider refused during a run. The next sync tries it again.
 *
 * @param id       the failure's id
 * @param runId    the run
 * @param personId the supporter, or null when unknown (show the supporter through the people screens, which hide an
 *                 erased one's data)
 * @param reason   the provider's reason
 */
public record SyncFailure(long id, long runId, @Nullable Long personId, String reason) {
}
