package org.grassroots.crm.plugin.api.reports;

/**
 * The supporters of one ZIP code or city within a state.
 *
 * @param area       the ZIP code or the city name
 * @param supporters supporters matching the filter there
 * @param signatures their signatures within the period
 */
public record AreaFigure(String area, long supporters, long signatures) {

    /** The kinds of area {@link StatsQuery#topAreas} groups by. */
    public enum Kind {
        ZIP,
        CITY
    }
}
