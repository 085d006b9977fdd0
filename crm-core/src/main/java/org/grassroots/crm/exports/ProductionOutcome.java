package org.grassroots.crm.exports;

/** How an attempt to produce an export's file ended. Stored by name. */
public enum ProductionOutcome {
    READY("File ready"),
    RETURNED_FOR_APPROVAL("Needs approval again: the export grew past what its approvals cover"),
    FAILED("Failed"),
    CANCELLED("Cancelled");

    private final String label;

    ProductionOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
