package org.grassroots.plugins.statereports;

import static org.grassroots.crm.plugin.api.reports.ColumnKind.COUNT;
import static org.grassroots.crm.plugin.api.reports.ColumnKind.TEXT;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.Report;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.reports.StatsQuery;
import org.grassroots.crm.plugin.api.reports.WeeklyFigure;
import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.jspecify.annotations.Nullable;
import org.pf4j.Extension;

/**
 * Weekly growth by state: for each week overlapping the period, the new supporters (or, as set, the signatures) of
 * the focus states and of the states with the most in the period, drawn as one line per state. Weeks without any
 * count as zero, so every line has a point every week.
 */
@Extension
public class StateGrowthReport implements Report {

    static final String WEEK = "week";
    static final String STATE = "state";
    static final String NAME = "name";
    static final String COUNT_COLUMN = "count";

    private final StatsQuery stats;
    private final PluginSettings settings;
    private final CensusPopulation census = CensusPopulation.bundled();

    /**
     * Built by the plugin host.
     *
     * @param stats    the CRM's aggregates, as the signed-in user may see them
     * @param settings this plugin's settings (focus states, chart measures)
     */
    public StateGrowthReport(StatsQuery stats, PluginSettings settings) {
        this.stats = stats;
        this.settings = settings;
    }

    @Override
    public String id() {
        return "state-growth";
    }

    @Override
    public String displayName() {
        return "Weekly growth by state";
    }

    @Override
    public String description() {
        return "New supporters (or signatures) per week in the focus states and the states with the most.";
    }

    @Override
    public ReportTable run(StatsFilter filter) {
        ReportPreferences preferences = ReportPreferences.read(settings);
        GrowthMeasure measure = preferences.growthMeasure();
        Map<String, Map<LocalDate, Long>> series = new HashMap<>();
        for (WeeklyFigure figure : stats.weekly(filter, measure.measure())) {
            String state = figure.state().trim().toUpperCase(Locale.ROOT);
            if (census.isStateOrDc(state)) {
                series.computeIfAbsent(state, key -> new HashMap<>()).merge(figure.weekStart(), count(figure),
                        Long::sum);
            }
        }
        List<String> drawn = drawn(preferences, series);
        List<LocalDate> weeks = weeks(filter);
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (String state : drawn) {
            Map<LocalDate, Long> counts = series.getOrDefault(state, Map.of());
            String name = census.area(state).orElseThrow().name();
            for (LocalDate week : weeks) {
                rows.add(Arrays.asList(week.toString(), state, name, counts.getOrDefault(week, 0L)));
            }
        }
        List<ReportColumn> columns = List.of(ReportColumn.of(WEEK, "Week of", TEXT),
                ReportColumn.of(STATE, "State", TEXT), ReportColumn.of(NAME, "Name", TEXT),
                ReportColumn.of(COUNT_COLUMN, measure.label(), COUNT));
        return new ReportTable(measure.label() + " per week by state, " + filter.from() + " to " + filter.to(),
                columns, rows, List.of(new ChartSpec(ChartSpec.Kind.LINE, WEEK, List.of(COUNT_COLUMN), STATE)),
                footnotes(filter, measure, preferences));
    }

    /** The focus states in their order, then the others with the most in the period, most first (none with zero). */
    private static List<String> drawn(ReportPreferences preferences, Map<String, Map<LocalDate, Long>> series) {
        Set<String> drawn = new LinkedHashSet<>(preferences.focusStates());
        series.entrySet().stream().filter(entry -> !drawn.contains(entry.getKey()))
                .map(entry -> Map.entry(entry.getKey(),
                        entry.getValue().values().stream().mapToLong(Long::longValue).sum()))
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(preferences.growthTopStates()).forEach(entry -> drawn.add(entry.getKey()));
        return List.copyOf(drawn);
    }

    /** The Mondays of the weeks overlapping the period. */
    static List<LocalDate> weeks(StatsFilter filter) {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate monday = filter.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                !monday.isAfter(filter.to()); monday = monday.plusWeeks(1)) {
            weeks.add(monday);
        }
        return weeks;
    }

    private static long count(WeeklyFigure figure) {
        BigDecimal value = figure.value();
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalStateException("StatsQuery.weekly gave " + value + " for " + figure.state()
                    + " in the week of " + figure.weekStart() + "; a count must be a whole number", e);
        }
    }

    private static List<String> footnotes(StatsFilter filter, GrowthMeasure measure, ReportPreferences preferences) {
        return List.of(
                measure == GrowthMeasure.NEW_SUPPORTERS
                        ? "New supporters: people added to the CRM within each week (Monday to Sunday, UTC)."
                        : "Signatures: petition signatures made within each week (Monday to Sunday, UTC).",
                "Lines: the focus states (" + String.join(", ", preferences.focusStates()) + ") and the "
                        + preferences.growthTopStates() + " other states with the most in the period; the first and "
                        + "last week may be only partly inside the period.",
                StatesReport.filterNote(filter));
    }
}
