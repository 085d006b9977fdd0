package org.grassroots.plugins.statereports;

import java.time.LocalDate;

/**
 * One line of the bundled Census table: the residents of the nation, a state, DC or a territory.
 *
 * @param usps       the USPS code ({@code US} for the nation)
 * @param name       the area's name
 * @param kind       what the area is
 * @param population its residents
 * @param asOf       the day the figure describes (July 1 for an estimate, April 1, 2020 for a census count)
 * @param source     the Census Bureau table or census the figure comes from
 */
public record PopulationArea(String usps, String name, Kind kind, long population, LocalDate asOf, String source) {

    /** What an area is; the reports list states and DC one by one and group the territories. */
    public enum Kind {
        /** The United States: the 50 states and DC. */
        NATION,
        /** One of the 50 states. */
        STATE,
        /** The District of Columbia. */
        DISTRICT,
        /** Puerto Rico and the island areas. */
        TERRITORY
    }

    /** Whether the area gets a row of its own (a state or DC). */
    public boolean isStateOrDc() {
        return kind == Kind.STATE || kind == Kind.DISTRICT;
    }
}
