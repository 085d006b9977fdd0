package org.grassroots.crm.donations;

/** Where a recurring plan stands. A cancelled plan stays cancelled; the donor starts a new plan instead. */
public enum PlanStatus {
    ACTIVE("Active"),
    PAUSED("Paused"),
    FAILING("Failing"),
    CANCELLED("Cancelled");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
