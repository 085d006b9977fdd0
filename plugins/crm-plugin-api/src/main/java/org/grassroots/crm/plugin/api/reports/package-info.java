/**
 * Reports: the {@link org.grassroots.crm.plugin.api.reports.Report} extension point, the table and chart records
 * it returns, and the aggregate-only {@link org.grassroots.crm.plugin.api.reports.StatsQuery} port.
 */
@NullMarked
package org.grassroots.crm.plugin.api.reports;

import org.jspecify.annotations.NullMarked;
