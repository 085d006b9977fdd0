package org.grassroots.crm.reports;

import java.util.List;

import org.grassroots.crm.plugin.api.reports.AreaFigure;
import org.grassroots.crm.plugin.api.reports.Measure;
import org.grassroots.crm.plugin.api.reports.StateFigures;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.reports.StatsQuery;
import org.grassroots.crm.plugin.api.reports.WeeklyFigure;
import org.grassroots.crm.reports.internal.StatsQueries;
import org.grassroots.crm.reports.internal.StatsWeeklyQueries;
import org.grassroots.crm.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Aggregate figures for reports, as of the last statistics refresh ({@link StatsRefreshService#lastRefresh()}):
 * counts and sums only, never a person, so anyone may read them (an ANALYST runs reports). Amounts of money are
 * for FUNDRAISER and ADMIN only, judged by the signed-in user on every call. Definitions:
 * docs/plugins/ports/StatsQuery.md.
 */
@Service
public class ReportStatistics implements StatsQuery {

    private final StatsQueries queries;
    private final StatsWeeklyQueries weeklyQueries;

    ReportStatistics(StatsQueries queries, StatsWeeklyQueries weeklyQueries) {
        this.queries = queries;
        this.weeklyQueries = weeklyQueries;
    }

    @Override
    public boolean canSeeMoney() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.FUNDRAISER.authority()) || a.equals(Role.ADMIN.authority()));
    }

    @Override
    public List<StateFigures> byState(StatsFilter filter) {
        return queries.byState(filter, canSeeMoney());
    }

    @Override
    public List<WeeklyFigure> weekly(StatsFilter filter, Measure measure) {
        if (measure.isMoney() && !canSeeMoney()) {
            throw new SecurityException("Only fundraisers and admins may see " + measure + " figures");
        }
        return weeklyQueries.weekly(filter, measure).stream()
                .map(week -> new WeeklyFigure(week.weekStart(), week.state(), week.value())).toList();
    }

    @Override
    public List<AreaFigure> topAreas(String state, AreaFigure.Kind kind, StatsFilter filter, int limit) {
        if (state == null || !state.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("state must be a two-letter USPS code or XX, was " + state);
        }
        return queries.topAreas(state, kind, filter, limit);
    }
}
