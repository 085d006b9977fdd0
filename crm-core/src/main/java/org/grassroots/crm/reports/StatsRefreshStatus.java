package org.grassroots.crm.reports;

import java.time.Duration;
import java.time.Instant;

/**
 * The last rebuild of the report statistics, for a report footer "Figures as of …".
 *
 * @param refreshedAt when the rebuild committed; reports show the data as it was then
 * @param took        how long the rebuild ran
 * @param people      active people in the statistics
 */
public record StatsRefreshStatus(Instant refreshedAt, Duration took, long people) {
}
