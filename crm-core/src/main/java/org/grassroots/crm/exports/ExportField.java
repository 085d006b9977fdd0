package org.grassroots.crm.exports;

/**
 * The fields an export may contain: the allow-list. Nothing else about a person can reach a partner; core maps each
 * constant to a fixed SQL expression, never to text a user typed. Donation fields need a fundraiser's sign-off on
 * top of the administrator's approval.
 */
public enum ExportField {
    FIRST_NAME("first_name", "First name", false),
    LAST_NAME("last_name", "Last name", false),
    EMAIL("email", "E-mail", false),
    PHONE("phone", "Phone", false),
    STREET("street", "Street", false),
    CITY("city", "City", false),
    STATE("state", "State", false),
    ZIP("zip", "ZIP", false),
    TAGS("tags", "Tags", false),
    JOINED_ON("joined_on", "Joined on", false),
    CONSENT_GIVEN_ON("consent_given_on", "Consent given on", false),
    TOTAL_GIVEN("total_given", "Total given (USD)", true),
    GIFT_COUNT("gift_count", "Number of gifts", true),
    LAST_GIFT_ON("last_gift_on", "Last gift on", true);

    private final String key;
    private final String label;
    private final boolean donation;

    ExportField(String key, String label, boolean donation) {
        this.key = key;
        this.label = label;
        this.donation = donation;
    }

    /** The column key in files, stable across versions. */
    public String key() {
        return key;
    }

    /** The column heading. */
    public String label() {
        return label;
    }

    /** Whether the field tells about giving, which needs a fundraiser's sign-off. */
    public boolean donation() {
        return donation;
    }
}
