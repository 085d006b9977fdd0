package org.grassroots.crm.plugin.api.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.reports.AreaFigure;
import org.grassroots.crm.plugin.api.reports.Measure;
import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.reports.StatsQuery;
import org.grassroots.crm.plugin.api.reports.WeeklyFigure;

/**
 * A {@link StatsQuery} that answers with the figures a test gives it, keeping the CRM's rules on money: amounts are
 * {@code null} in {@link #byState} and a money measure in {@link #weekly} is refused unless {@link #canSeeMoney(boolean)}
 * was set. {@link #weekly} returns only the weeks overlapping the filter's period, and {@link #topAreas} the areas
 * with the most supporters first. Every filter asked is kept in {@link #filtersAsked()}.
 */
public class FixedStatsQuery implements StatsQuery {

    private boolean canSeeMoney;
    private List<StateFigures> byState = List.of();
    private final Map<Measure, List<WeeklyFigure>> weekly = new EnumMap<>(Measure.class);
    private final Map<String, List<AreaFigure>> areas = new HashMap<>();
    private final List<StatsFilter> filtersAsked = new ArrayList<>();

    /** Whether the "signed-in user" may see amounts of money (a fundraiser or an admin). */
    public FixedStatsQuery canSeeMoney(boolean canSeeMoney) {
        this.canSeeMoney = canSeeMoney;
        return this;
    }

    /** What {@link #byState} answers (whatever the filter). */
    public FixedStatsQuery byState(List<StateFigures> figures) {
        this.byState = List.copyOf(figures);
        return this;
    }

    /** The weekly series of one measure. */
    public FixedStatsQuery weekly(Measure measure, List<WeeklyFigure> figures) {
        weekly.put(measure, List.copyOf(figures));
        return this;
    }

    /** The areas of one state and kind. */
    public FixedStatsQuery topAreas(String state, AreaFigure.Kind kind, List<AreaFigure> figures) {
        areas.put(state + "/" + kind, List.copyOf(figures));
        return this;
    }

    /** Every filter the code under test asked with, in order. */
    public List<StatsFilter> filtersAsked() {
        return List.copyOf(filtersAsked);
    }

    @Override
    public boolean canSeeMoney() {
        return canSeeMoney;
    }

    @Override
    public List<StateFigures> byState(StatsFilter filter) {
        filtersAsked.add(filter);
        if (canSeeMoney) {
            return byState;
        }
        return byState.stream().map(f -> new StateFigures(f.state(), f.supporters(), f.subscribed(),
                f.newSupporters(), f.signatures(), f.donors(), null, f.activeVolunteers(), f.volunteerHours()))
                .toList();
    }

    @Override
    public List<WeeklyFigure> weekly(StatsFilter filter, Measure measure) {
        filtersAsked.add(filter);
        if (measure.isMoney() && !canSeeMoney) {
            throw new SecurityException("Only fundraisers and admins may see " + measure);
        }
        return weekly.getOrDefault(measure, List.of()).stream().filter(f -> overlaps(f.weekStart(), filter)).toList();
    }

    @Override
    public List<AreaFigure> topAreas(String state, AreaFigure.Kind kind, StatsFilter filter, int limit) {
        filtersAsked.add(filter);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
        }
        return areas.getOrDefault(state + "/" + kind, List.of()).stream()
                .sorted(Comparator.comparingLong(AreaFigure::supporters).reversed()).limit(limit).toList();
    }

    private static boolean overlaps(LocalDate weekStart, StatsFilter filter) {
        return !weekStart.isAfter(filter.to()) && !weekStart.plusDays(6).isBefore(filter.from());
    }
}
