package org.grassroots.crm.security;

/**
 * What a staff member may do. A user holds any number of roles; each maps to the Spring authority
 * {@code ROLE_<name>}, which views ({@code @RolesAllowed}) and services (method security) check.
 */
public enum Role {
    ADMIN("Administrator", "Manages users, plugins and settings; sees everything, including the audit log."),
    ORGANIZER("Organizer", "Works with supporters, petitions and events."),
    FUNDRAISER("Fundraiser", "Works with donors and donations, including amounts."),
    VOLUNTEER_COORDINATOR("Volunteer coordinator", "Runs volunteers, events, shifts and hours."),
    ANALYST("Analyst", "Sees aggregate reports only, never personal data.");

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final String ADMIN_NAME = "ADMIN";
    public static final String ORGANIZER_NAME = "ORGANIZER";
    public static final String FUNDRAISER_NAME = "FUNDRAISER";
    public static final String VOLUNTEER_COORDINATOR_NAME = "VOLUNTEER_COORDINATOR";
    public static final String ANALYST_NAME = "ANALYST";

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
