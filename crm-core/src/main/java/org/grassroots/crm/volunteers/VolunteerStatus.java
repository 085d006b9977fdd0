package org.grassroots.crm.volunteers;

/** Where a volunteer stands. Stored by name. */
public enum VolunteerStatus {
    ACTIVE("Active"),
    INACTIVE("Inactive"),
    /** The person asked not to be contacted about volunteering: they cannot be signed up for shifts. */
    DO_NOT_CONTACT("Do not contact");

    private final String label;

    VolunteerStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
