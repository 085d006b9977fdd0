/**
 * The state reports plugin (issue 7): supporters, signatures, donors and volunteers per US state and per 10,000
 * residents, the focus states pinned on top ({@link org.grassroots.plugins.statereports.StatesReport}), a state's
 * top ZIP codes and cities (its drill-down), and weekly growth per state
 * ({@link org.grassroots.plugins.statereports.StateGrowthReport}). Numbers come from the CRM's
 * {@link org.grassroots.crm.plugin.api.reports.StatsQuery}; residents from the Census Bureau table bundled as
 * {@code census-population.csv} ({@link org.grassroots.plugins.statereports.CensusPopulation}). See
 * {@code docs/plugins/state-reports.md}.
 */
@NullMarked
package org.grassroots.plugins.statereports;

import org.jspecify.annotations.NullMarked;
