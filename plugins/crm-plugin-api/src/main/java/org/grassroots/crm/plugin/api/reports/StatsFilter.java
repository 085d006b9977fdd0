package org.grassroots.crm.plugin.api.reports;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The filters of a report, as the user chose them on the report screen.
 *
 * @param from       first day of the period (inclusive, UTC)
 * @param to         last day of the period (inclusive, UTC)
 * @param petitionId count only signers of this petition (and only its signatures), or {@code null} for all
 * @param tag        count only supporters with this tag, or {@code null} for all
 * @param source     count only supporters with this source, or {@code null} for all
 */
public record StatsFilter(LocalDate from, LocalDate to, @Nullable Long petitionId, @Nullable String tag,
        @Nullable String source) {

    public StatsFilter {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The period of the same length that ends the day before {@link #from()}, for period-over-period change. */
    public StatsFilter previousPeriod() {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        return new StatsFilter(from.minusDays(days), from.minusDays(1), petitionId, tag, source);
    }
}
