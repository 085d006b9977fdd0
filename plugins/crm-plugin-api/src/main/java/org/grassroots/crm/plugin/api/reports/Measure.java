package org.grassroots.crm.plugin.api.reports;

/** A number {@link StatsQuery} can count per state and per week. */
public enum Measure {
    /** Supporters (all time, or created up to the period's end). */
    SUPPORTERS,
    /** Supporters whose primary address is subscribed. */
    SUBSCRIBED,
    /** Supporters created within the period. */
    NEW_SUPPORTERS,
    /** Petition signatures within the period. */
    SIGNATURES,
    /** People who gave within the period. */
    DONORS,
    /** Dollars given within the period; only for callers allowed to see amounts. */
    DONATION_TOTAL,
    /** Volunteers with a shift attended or upcoming within the period. */
    ACTIVE_VOLUNTEERS,
    /** Volunteer hours logged within the period. */
    VOLUNTEER_HOURS;

    /** Whether the measure is an amount of money, which only fundraisers and admins may see. */
    public boolean isMoney() {
        return this == DONATION_TOTAL;
    }
}
