package org.grassroots.crm.people;

public enum PhoneKind {
    MOBILE("Mobile"), HOME("Home"), WORK("Work"), OTHER("Other");

    private final String label;

    PhoneKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
