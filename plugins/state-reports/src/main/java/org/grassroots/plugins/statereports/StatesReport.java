package org.grassroots.plugins.statereports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.Report;
import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.reports.StatsQuery;
import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.jspecify.annotations.Nullable;
import org.pf4j.Extension;

/**
 * Supporters by state: one row per state and DC (with zeros where there is nobody, so the map has every state), the
 * focus states pinned on top and marked, the rest by supporters, most first; then the territories together, the
 * supporters with no known state (when there are any) and the United States total. Each row has supporters,
 * subscribed, new, signatures, donors, donations, average gift, active volunteers and hours, the rates per 10,000
 * residents and the change against the previous period of the same length. Clicking a state shows its top ZIP codes
 * and cities.
 */
@Extension
public class StatesReport implements Report {

    static final String TERRITORIES = "Territories";
    static final String UNKNOWN = "Unknown";
    static final String TOTAL = "Total";

    private final StatsQuery stats;
    private final PluginSettings settings;
    private final CensusPopulation census = CensusPopulation.bundled();

    /**
     * Built by the plugin host.
     *
     * @param stats    the CRM's aggregates, as the signed-in user may see them
     * @param settings this plugin's settings (focus states, chart measures)
     */
    public StatesReport(StatsQuery stats, PluginSettings settings) {
        this.stats = stats;
        this.settings = settings;
    }

    @Override
    public String id() {
        return "states";
    }

    @Override
    public String displayName() {
        return "Supporters by state";
    }

    @Override
    public String description() {
        return "Supporters, signatures, donors and volunteers per state and per 10,000 residents, with the change "
                + "against the previous period and the focus states on top.";
    }

    @Override
    public ReportTable run(StatsFilter filter) {
        ReportPreferences preferences = ReportPreferences.read(settings);
        boolean canSeeMoney = stats.canSeeMoney();
        Map<String, Tally> now = byRow(stats.byState(filter), canSeeMoney);
        Map<String, Tally> before = byRow(stats.byState(filter.previousPeriod()), canSeeMoney);
        Tally zero = Tally.zero(canSeeMoney);

        List<String> focus = preferences.focusStates();
        List<StateRow> rows = new ArrayList<>();
        for (PopulationArea state : census.statesAndDc()) {
            Tally current = now.getOrDefault(state.usps(), zero);
            rows.add(new StateRow(focus.contains(state.usps()), state.usps(), state.name(), state.population(),
                    current, before.getOrDefault(state.usps(), zero), current));
        }
        rows.sort(Comparator.comparingInt((StateRow row) -> focusRank(focus, row.category()))
                .thenComparing(row -> -row.now().supporters()).thenComparing(StateRow::name));

        List<PopulationArea> territories = census.territories();
        Tally territoriesNow = now.getOrDefault(TERRITORIES, zero);
        rows.add(new StateRow(false, TERRITORIES,
                String.join(", ", territories.stream().map(PopulationArea::name).toList()),
                territories.stream().mapToLong(PopulationArea::population).sum(), territoriesNow,
                before.getOrDefault(TERRITORIES, zero), territoriesNow));
        if (now.containsKey(UNKNOWN) || before.containsKey(UNKNOWN)) {
            Tally unknown = now.getOrDefault(UNKNOWN, zero);
            rows.add(new StateRow(false, UNKNOWN, "No known state", null, unknown,
                    before.getOrDefault(UNKNOWN, zero), unknown));
        }
        rows.add(total(rows, zero));

        List<List<@Nullable Object>> values = rows.stream().map(StateRow::values).toList();
        String measure = preferences.mapMeasure().column();
        return new ReportTable("Supporters by state, " + filter.from() + " to " + filter.to(), StateColumns.ALL,
                values, List.of(new ChartSpec(ChartSpec.Kind.US_STATE_MAP, StateColumns.STATE, List.of(measure), null),
                        new ChartSpec(ChartSpec.Kind.BAR, StateColumns.STATE, List.of(measure), null)),
                footnotes(filter, focus, canSeeMoney));
    }

    @Override
    public Optional<ReportTable> drillDown(String category, StatsFilter filter) {
        String code = category.trim().toUpperCase(Locale.ROOT);
        if (census.isStateOrDc(code)) {
            PopulationArea state = census.area(code).orElseThrow();
            return Optional.of(new StateDrillDown(stats).table(state.name(), List.of(state.usps()), filter));
        }
        if (category.trim().equalsIgnoreCase(TERRITORIES)) {
            List<String> codes = census.territories().stream().map(PopulationArea::usps).toList();
            return Optional.of(new StateDrillDown(stats).table(TERRITORIES, codes, filter));
        }
        return Optional.empty();
    }

    /** Adds up the figures per row: a state's own code, the territories together, everything else as unknown. */
    private Map<String, Tally> byRow(List<StateFigures> figures, boolean canSeeMoney) {
        Map<String, Tally> rows = new HashMap<>();
        for (StateFigures state : figures) {
            String code = state.state().trim().toUpperCase(Locale.ROOT);
            String row = census.isStateOrDc(code) ? code : census.isTerritory(code) ? TERRITORIES : UNKNOWN;
            rows.merge(row, Tally.zero(canSeeMoney).plus(Tally.of(state)), Tally::plus);
        }
        return rows;
    }

    private StateRow total(List<StateRow> rows, Tally zero) {
        Tally now = zero;
        Tally before = zero;
        Tally located = zero;
        for (StateRow row : rows) {
            now = now.plus(row.now());
            before = before.plus(row.before());
            if (row.residents() != null) {
                located = located.plus(row.now());
            }
        }
        long residents = census.nation().population()
                + census.territories().stream().mapToLong(PopulationArea::population).sum();
        return new StateRow(false, TOTAL, census.nation().name(), residents, now, before, located);
    }

    private static int focusRank(List<String> focus, String state) {
        int index = focus.indexOf(state);
        return index < 0 ? focus.size() : index;
    }

    /** Says which supporters and signatures the filters let through. */
    static String filterNote(StatsFilter filter) {
        StringBuilder note = new StringBuilder(filter.petitionId() == null ? "Signatures count every petition."
                : "Supporters and signatures count only the signers and signatures of petition #"
                        + filter.petitionId() + ".");
        if (filter.tag() != null) {
            note.append(" Only supporters tagged \"").append(filter.tag()).append("\".");
        }
        if (filter.source() != null) {
            note.append(" Only supporters from the source \"").append(filter.source()).append("\".");
        }
        return note.toString();
    }

    private List<String> footnotes(StatsFilter filter, List<String> focus, boolean canSeeMoney) {
        StatsFilter previous = filter.previousPeriod();
        List<String> notes = new ArrayList<>();
        notes.add(census.sourceNote());
        notes.add("Supporters: everyone added up to " + filter.to() + "; subscribed: those of them whose primary "
                + "email address is subscribed; new: added within the period. Signatures, donors, donations and "
                + "volunteer hours count the period only; average gift is donations divided by donors; active "
                + "volunteers have a shift attended or upcoming within the period.");
        notes.add(filterNote(filter));
        notes.add("Per 10,000 residents: the count times 10,000, divided by the state's residents.");
        notes.add("Change %: against the previous period of the same length, " + previous.from() + " to "
                + previous.to() + "; empty where that period counted none.");
        notes.add("All 50 states and DC are listed, with zeros where there is nobody. "
                + (focus.isEmpty() ? "" : StateRow.FOCUS_MARK + " marks the focus states (" + String.join(", ", focus)
                        + "), listed first; ")
                + "the other states follow by supporters, most first.");
        notes.add("Territories: Puerto Rico, Guam, the U.S. Virgin Islands, American Samoa and the Northern Mariana "
                + "Islands together. Unknown: supporters with no state, or an address outside the states and "
                + "territories (such as APO/FPO).");
        notes.add("United States: every row above added up; its rates per 10,000 residents count the supporters with "
                + "a known state or territory over the residents of the 50 states, DC and the territories.");
        if (!canSeeMoney) {
            notes.add("Donations and average gift are shown only to fundraisers and admins.");
        }
        return notes;
    }
}
