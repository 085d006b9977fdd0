package org.grassroots.crm.plugin.api.reports;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One point of a weekly series.
 *
 * @param weekStart the Monday the week starts on
 * @param state     USPS code
 * @param value     the measure's value in that week
 */
public record WeeklyFigure(LocalDate weekStart, String state, BigDecimal value) {
}
