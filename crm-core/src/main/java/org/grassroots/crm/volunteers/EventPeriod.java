package org.grassroots.crm.volunteers;

/** Which events a list shows: those ending today or later (soonest first), or those that ended (newest first). */
public enum EventPeriod {
    UPCOMING,
    PAST
}
