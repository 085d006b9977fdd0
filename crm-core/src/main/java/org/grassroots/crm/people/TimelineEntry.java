package org.grassroots.crm.people;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to a supporter, as shown on their timeline. Sources decide what the current user may see:
 * a donation entry carries no amount in {@code detail} for a user who may not see amounts.
 *
 * @param occurredAt when it happened (UTC)
 * @param kind       a stable, machine-readable kind, e.g. {@code DONATION}, {@code SHIFT}, {@code SUBSCRIPTION}
 * @param title      one short line, e.g. "Donated $25.00 via ActBlue"
 * @param detail     optional second line
 * @param link       optional route in the UI for the item, e.g. {@code donations/123}
 */
public record TimelineEntry(Instant occurredAt, String kind, String title, @Nullable String detail,
        @Nullable String link) {
}
