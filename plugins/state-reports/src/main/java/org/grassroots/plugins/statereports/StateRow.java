package org.grassroots.plugins.statereports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of the state table before it becomes values.
 *
 * @param focus     whether the row is a focus state
 * @param category  the value of the {@code state} column: a USPS code, {@code Territories}, {@code Unknown} or
 *                  {@code Total}
 * @param name      the value of the {@code name} column
 * @param residents the residents the rates divide by, or {@code null} when there are none (no known state)
 * @param now       the figures of the period
 * @param before    the figures of the previous period
 * @param rateBase  the part of {@code now} the rates count: all of it, except in the totals row, which leaves out
 *                  supporters with no known state because they have no residents to divide by
 */
record StateRow(boolean focus, String category, String name, @Nullable Long residents, Tally now, Tally before,
        Tally rateBase) {

    static final String FOCUS_MARK = "★";

    /** The values, by the positions of {@link StateColumns#ALL}. */
    List<@Nullable Object> values() {
        @Nullable Object[] values = new Object[StateColumns.ALL.size()];
        set(values, StateColumns.FOCUS, focus ? FOCUS_MARK : "");
        set(values, StateColumns.STATE, category);
        set(values, StateColumns.NAME, name);
        set(values, StateColumns.RESIDENTS, residents);
        set(values, StateColumns.SUPPORTERS, now.supporters());
        set(values, StateColumns.SUPPORTERS_PER_10K, per10k(rateBase.supporters()));
        set(values, StateColumns.SUPPORTERS_CHANGE, change(now.supporters(), before.supporters()));
        set(values, StateColumns.SUBSCRIBED, now.subscribed());
        set(values, StateColumns.NEW_SUPPORTERS, now.newSupporters());
        set(values, StateColumns.NEW_SUPPORTERS_CHANGE, change(now.newSupporters(), before.newSupporters()));
        set(values, StateColumns.SIGNATURES, now.signatures());
        set(values, StateColumns.SIGNATURES_PER_10K, per10k(rateBase.signatures()));
        set(values, StateColumns.SIGNATURES_CHANGE, change(now.signatures(), before.signatures()));
        set(values, StateColumns.DONORS, now.donors());
        set(values, StateColumns.DONATION_TOTAL, now.donationTotal());
        set(values, StateColumns.AVERAGE_GIFT, averageGift());
        set(values, StateColumns.ACTIVE_VOLUNTEERS, now.activeVolunteers());
        set(values, StateColumns.VOLUNTEER_HOURS, now.volunteerHours());
        return Arrays.asList(values);
    }

    private static void set(@Nullable Object[] values, String column, @Nullable Object value) {
        values[StateColumns.indexOf(column)] = value;
    }

    /** The count per 10,000 residents, to two decimals; {@code null} without residents. */
    private @Nullable BigDecimal per10k(long count) {
        if (residents == null || residents == 0) {
            return null;
        }
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(residents), 2, RoundingMode.HALF_UP);
    }

    /** The change in percent, to one decimal ({@code 25.0} is +25%); {@code null} when there was nothing before. */
    static @Nullable BigDecimal change(long now, long before) {
        if (before == 0) {
            return null;
        }
        return BigDecimal.valueOf(now - before).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
    }

    private @Nullable BigDecimal averageGift() {
        BigDecimal total = now.donationTotal();
        if (total == null || now.donors() == 0) {
            return null;
        }
        return total.divide(BigDecimal.valueOf(now.donors()), 2, RoundingMode.HALF_UP);
    }
}
