package org.grassroots.crm.exports;

import java.util.Set;

/**
 * Where an export definition stands, after OSDI's export resource: it waits for approval, is approved or rejected,
 * becomes ready when its file is produced, and expires. An approved definition goes back to waiting when, at
 * production, it holds more people than its approvals cover. Stored by name.
 */
public enum ExportStatus {
    PENDING_APPROVAL("Waiting for approval"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    READY("Ready to download"),
    EXPIRED("Expired");

    private final String label;

    ExportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses this one may move to. */
    public Set<ExportStatus> next() {
        return switch (this) {
            case PENDING_APPROVAL -> Set.of(APPROVED, REJECTED);
            case APPROVED -> Set.of(READY, PENDING_APPROVAL);
            case READY -> Set.of(EXPIRED);
            case REJECTED, EXPIRED -> Set.of();
        };
    }

    public boolean canMoveTo(ExportStatus target) {
        return next().contains(target);
    }
}
