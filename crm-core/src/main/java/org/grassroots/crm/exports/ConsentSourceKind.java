package org.grassroots.crm.exports;

/** Where a sharing consent came from. Stored by name. */
public enum ConsentSourceKind {
    /** The co-sponsor checkbox of a petition the person signed. */
    PETITION_COSPONSOR,
    /** A column of an imported file. */
    IMPORT,
    /** Entered by a staff member (a paper form, a phone call, an e-mail reply). */
    MANUAL
}
