package org.grassroots.crm.plugin.api.petitions;

/** A field of a petition signature that a file's column can be mapped to. */
public enum SignatureField {
    EMAIL("E-mail"),
    FIRST_NAME("First name"),
    LAST_NAME("Last name"),
    /** A single "name" column, split into first and last name at the last space. */
    FULL_NAME("Full name"),
    PHONE("Phone"),
    ADDRESS_LINE1("Address"),
    ADDRESS_LINE2("Address line 2"),
    CITY("City"),
    STATE("State"),
    ZIP("ZIP code"),
    SIGNED_AT("Signed at"),
    COMMENT("Comment"),
    EXTERNAL_ID("External id"),
    /** Whether the signer agreed to e-mail; read with the chosen {@link OptInPolicy}. */
    OPT_IN("E-mail opt-in"),
    SOURCE("Source");

    private final String label;

    SignatureField(String label) {
        this.label = label;
    }

    /** The field's name for people. */
    public String label() {
        return label;
    }
}
