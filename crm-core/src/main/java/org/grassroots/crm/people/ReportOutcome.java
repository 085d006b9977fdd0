package org.grassroots.crm.people;

/** What {@link SystemSubscriptions#apply} did with one {@link ReportedStatus}. */
public enum ReportOutcome {
    /** The status changed and the change is in the history. */
    APPLIED,
    /** The address already had that status (or was erased and the change was not a subscribe); nothing changed. */
    UNCHANGED,
    /** A subscribe of an address that is unsubscribed, bouncing, complained or erased; refused. */
    REFUSED_PROTECTED,
    /** No supporter has the address; nothing was created. */
    UNKNOWN_ADDRESS
}
