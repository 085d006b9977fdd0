package org.grassroots.crm.listsync;

/** Where a sync run stands. */
public enum SyncRunStatus {
    RUNNING,
    /** Finished; for a dry run, the plan was counted. */
    DONE,
    /** Stopped by an error (see the run's message); what it completed stays recorded and is not sent again. */
    FAILED,
    /** Stopped by a cancel; starting the sync again carries on where it stopped. */
    CANCELLED
}
