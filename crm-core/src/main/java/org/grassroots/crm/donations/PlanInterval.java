package org.grassroots.crm.donations;

/** How often a recurring plan charges. Stored by name. */
public enum PlanInterval {
    WEEKLY("Weekly"),
    MONTHLY("Monthly"),
    QUARTERLY("Quarterly"),
    ANNUAL("Yearly");

    private final String label;

    PlanInterval(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
