package org.grassroots.crm.plugin.api.reports;

/** How core formats, protects and exports a report column. */
public enum ColumnKind {
    /** Text, shown as is. */
    TEXT,
    /** A count of people or things; values under the small-number threshold are shown as "&lt;N" to analysts and in exports. */
    COUNT,
    /** A decimal number such as hours or a rate. */
    DECIMAL,
    /** A rate per 10,000 residents or similar; hidden when the count it derives from is protected. */
    RATE,
    /** A percentage change; hidden when the count it derives from is protected. */
    PERCENT,
    /** Dollars; shown only to fundraisers and admins, removed for everyone else. */
    MONEY
}
