package org.grassroots.crm.exports;

/** In which role someone approved an export. Stored by name. */
public enum ApprovalCapacity {
    /** An administrator's approval; every export needs one, a large one two from different people. */
    ADMIN,
    /** A fundraiser's sign-off, needed on top when the export contains donation fields. */
    FUNDRAISER
}
