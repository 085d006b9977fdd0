package org.grassroots.crm.reports.internal;

/** What a row of stats_daily or stats_weekly_active counts, and the unit of its value. */
enum FactKind {
    /** One signature; value 1. */
    SIGNATURE(1),
    /** One US-dollar gift; value in cents. */
    GIFT(2),
    /** Hours logged on one attended sign-up; value in hundredths of an hour. */
    HOURS(3);

    private final int code;

    FactKind(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
