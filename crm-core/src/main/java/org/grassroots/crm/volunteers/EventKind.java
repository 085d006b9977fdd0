package org.grassroots.crm.volunteers;

/** What sort of event volunteers are recruited for. Stored by name. */
public enum EventKind {
    PHONE_BANK("Phone bank"),
    CANVASS("Canvass"),
    TEXT_BANK("Text bank"),
    RALLY("Rally"),
    TRAINING("Training"),
    OTHER("Other");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
