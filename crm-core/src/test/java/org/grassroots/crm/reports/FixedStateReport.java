package org.grassroots.crm.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.plugin.api.reports.ChartSpec;
import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.grassroots.crm.plugin.api.reports.Report;
import org.grassroots.crm.plugin.api.reports.ReportColumn;
import org.grassroots.crm.plugin.api.reports.ReportTable;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.jspecify.annotations.Nullable;

/**
 * A state report over fixed numbers, for the report screens' tests: Iowa is large, New Hampshire has 7 supporters
 * (masked for analysts and in exports, with its rate), Vermont has none, and one state name tries a formula.
 */
public class FixedStateReport implements Report {

    public static final String ID = "fixed-states";

    /** The filters of the last run, so tests can check what the screen asked for. */
    public volatile @Nullable StatsFilter lastFilter;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Fixed state figures";
    }

    @Override
    public String description() {
        return "Supporters, signatures and donations by state, from fixed numbers.";
    }

    @Override
    public ReportTable run(StatsFilter filter) {
        lastFilter = filter;
        List<ReportColumn> columns = List.of(
                ReportColumn.of("state", "State", ColumnKind.TEXT),
                ReportColumn.of("supporters", "Supporters", ColumnKind.COUNT),
                new ReportColumn("per10k", "Per 10k residents", ColumnKind.RATE, "supporters"),
                ReportColumn.of("signatures", "Signatures", ColumnKind.COUNT),
                new ReportColumn("change", "Signatures change", ColumnKind.PERCENT, "signatures"),
                ReportColumn.of("hours", "Volunteer hours", ColumnKind.DECIMAL),
                ReportColumn.of("donations", "Donations", ColumnKind.MONEY));
        List<List<@Nullable Object>> rows = new ArrayList<>();
        rows.add(row("IA", 1234L, "3.87", 2500L, "12.5", "310.5", "45210.75"));
        rows.add(row("CA", 980L, "0.25", 1200L, "-4.0", "120.0", "99100.00"));
        rows.add(row("NH", 7L, "0.05", 15L, "3.1", "2.0", "150.00"));
        rows.add(row("VT", 0L, "0.00", 3L, null, "0.0", "0.00"));
        rows.add(row("=HYPERLINK(\"x\")", 12L, "1.00", 20L, "0.0", "1.0", "10.00"));
        List<ChartSpec> charts = List.of(
                new ChartSpec(ChartSpec.Kind.US_STATE_MAP, "state", List.of("supporters"), null),
                new ChartSpec(ChartSpec.Kind.BAR, "state", List.of("signatures", "donations"), null));
        return new ReportTable("Supporters by state", columns, rows, charts,
                List.of("Rates per 10,000 residents (2020 census)."));
    }

    @Override
    public Optional<ReportTable> drillDown(String category, StatsFilter filter) {
        if (!category.equals("IA")) {
            return Optional.empty();
        }
        List<ReportColumn> columns = List.of(ReportColumn.of("area", "ZIP or city", ColumnKind.TEXT),
                ReportColumn.of("supporters", "Supporters", ColumnKind.COUNT));
        List<List<@Nullable Object>> rows = List.of(List.of("Des Moines", 640L), List.of("50309", 212L),
                List.of("Ames", 4L));
        return Optional.of(new ReportTable("Iowa: top ZIPs and cities", columns, rows, List.of(), List.of()));
    }

    private static List<@Nullable Object> row(String state, long supporters, String rate, long signatures,
            @Nullable String change, String hours, String donations) {
        List<@Nullable Object> row = new ArrayList<>();
        row.add(state);
        row.add(supporters);
        row.add(new BigDecimal(rate));
        row.add(signatures);
        row.add(change == null ? null : new BigDecimal(change));
        row.add(new BigDecimal(hours));
        row.add(new BigDecimal(donations));
        return row;
    }
}
