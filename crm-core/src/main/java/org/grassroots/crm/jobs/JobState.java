package org.grassroots.crm.jobs;

/** Where a job is in its life. Stored by name, so renaming a constant needs a migration. */
public enum JobState {
    QUEUED("Queued", true),
    RUNNING("Running", true),
    RETRY_WAIT("Waiting to retry", true),
    SUCCEEDED("Succeeded", false),
    FAILED("Failed", false),
    CANCELLED("Cancelled", false);

    private final String label;
    private final boolean active;

    JobState(String label, boolean active) {
        this.label = label;
        this.active = active;
    }

    public String label() {
        return label;
    }

    /** Queued, running or waiting to retry: the job may still do work and can be cancelled. */
    public boolean isActive() {
        return active;
    }
}
