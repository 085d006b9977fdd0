package org.grassroots.crm.plugin.api.reports;

import java.util.List;

/**
 * Port: aggregate numbers over all supporters, computed in the database (never by loading people), for reports.
 * Returns counts and sums only, never a person. Amounts of money are {@code null} unless {@link #canSeeMoney()}.
 */
public interface StatsQuery {

    /** Whether the signed-in user may see amounts of money (FUNDRAISER or ADMIN). */
    boolean canSeeMoney();

    /** One row per state with any supporter matching the filter, plus {@code XX} for those without a state. */
    List<StateFigures> byState(StatsFilter filter);

    /**
     * The weekly series of one measure per state, for the weeks overlapping the filter's period.
     *
     * @throws SecurityException for a money measure when the caller may not see amounts
     */
    List<WeeklyFigure> weekly(StatsFilter filter, Measure measure);

    /** The areas of one state with the most supporters matching the filter, most first, at most {@code limit}. */
    List<AreaFigure> topAreas(String state, AreaFigure.Kind kind, StatsFilter filter, int limit);
}
