package org.grassroots.plugins.statereports;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.crm.plugin.api.reports.AreaFigure;
import org.grassroots.crm.plugin.api.reports.Measure;
import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.reports.StatsQuery;
import org.grassroots.crm.plugin.api.reports.WeeklyFigure;
import org.grassroots.crm.plugin.api.testing.FixedStatsQuery;

/**
 * Two {@link FixedStatsQuery}s behind one port: {@code byState} answers the period's figures for the period's
 * filter and the previous figures for {@link StatsFilter#previousPeriod()}, and refuses any other filter, so a test
 * sees which call a number came from.
 */
final class PeriodStatsQuery implements StatsQuery {

    final FixedStatsQuery current = new FixedStatsQuery();
    final FixedStatsQuery previous = new FixedStatsQuery();
    private final StatsFilter period;
    private final List<StatsFilter> byStateAsked = new ArrayList<>();

    PeriodStatsQuery(StatsFilter period) {
        this.period = period;
    }

    PeriodStatsQuery canSeeMoney(boolean canSeeMoney) {
        current.canSeeMoney(canSeeMoney);
        previous.canSeeMoney(canSeeMoney);
        return this;
    }

    List<StatsFilter> byStateAsked() {
        return List.copyOf(byStateAsked);
    }

    @Override
    public boolean canSeeMoney() {
        return current.canSeeMoney();
    }

    @Override
    public List<StateFigures> byState(StatsFilter filter) {
        byStateAsked.add(filter);
        if (filter.equals(period)) {
            return current.byState(filter);
        }
        if (filter.equals(period.previousPeriod())) {
            return previous.byState(filter);
        }
        throw new AssertionError("Asked for an unexpected period: " + filter);
    }

    @Override
    public List<WeeklyFigure> weekly(StatsFilter filter, Measure measure) {
        return current.weekly(filter, measure);
    }

    @Override
    public List<AreaFigure> topAreas(String state, AreaFigure.Kind kind, StatsFilter filter, int limit) {
        return current.topAreas(state, kind, filter, limit);
    }
}
