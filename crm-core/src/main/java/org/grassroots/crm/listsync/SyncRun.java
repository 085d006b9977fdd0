package org.grassroots.crm.listsync;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One sync (or dry run) of a list.
 *
 * @param id           the run's id
 * @param listKey      the list, {@code <plugin id>:<extension id>}
 * @param dryRun       whether it only counted the plan
 * @param status       where it stands
 * @param jobId        the background job it ran in, or null
 * @param startedBy    the user who started it, or {@code system} for a scheduled run or an erasure
 * @param startedAt    when it started
 * @param finishedAt   when it ended, or null while it runs
 * @param planned      what the plan held when the run started
 * @param added        members added to the list
 * @param updated      members whose details were updated
 * @param unsubscribed members sent as unsubscribed
 * @param removed      members removed from the list
 * @param failed       members the provider refused (see {@link ListSyncService#failures})
 * @param pulledBack   changes from the provider applied to the CRM before pushing
 * @param message      why it failed or was cancelled, or a short summary; never personal data
 */
public record SyncRun(long id, String listKey, boolean dryRun, SyncRunStatus status, @Nullable Long jobId,
        String startedBy, Instant startedAt, @Nullable Instant finishedAt, SyncPlan planned, long added,
        long updated, long unsubscribed, long removed, long failed, long pulledBack, @Nullable String message) {
}
