package org.grassroots.crm.plugin.api.reports;

import java.util.Optional;

import org.grassroots.crm.plugin.api.CrmExtension;

/**
 * Extension point: a report core renders as a table with charts, exports as CSV and PDF, and protects: core removes
 * {@link ColumnKind#MONEY} columns for users who may not see amounts and masks small {@link ColumnKind#COUNT}
 * values (and the rates derived from them) for analysts and in exports. A report computes from the injected
 * {@link StatsQuery}, so it never sees a person.
 */
public interface Report extends CrmExtension {

    /** One sentence under the title on the reports list. */
    String description();

    /** Computes the report for the filters. */
    ReportTable run(StatsFilter filter);

    /**
     * The numbers behind one category of the main table (for a state report, one state's top ZIPs and cities), shown
     * when the user clicks that state or row.
     *
     * @param category a value of the main table's category column, for example {@code IA}
     * @return the drill-down table, or empty when this report has none
     */
    default Optional<ReportTable> drillDown(String category, StatsFilter filter) {
        return Optional.empty();
    }
}
