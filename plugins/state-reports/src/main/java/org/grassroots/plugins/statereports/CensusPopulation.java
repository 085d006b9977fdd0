package org.grassroots.plugins.statereports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * The residents of each state, DC and territory, from the Census Bureau table bundled with the plugin
 * ({@code census-population.csv}, which names its sources and dates in its comment lines): Vintage 2024 estimates
 * for July 1, 2024 for the states, DC and Puerto Rico, and the 2020 Island Areas Censuses for Guam, the U.S. Virgin
 * Islands, American Samoa and the Northern Mariana Islands.
 */
public final class CensusPopulation {

    static final String RESOURCE = "census-population.csv";
    private static final List<String> HEADER = List.of("usps", "name", "kind", "population", "as_of", "source");

    private final Map<String, PopulationArea> areas;
    private final PopulationArea nation;

    private CensusPopulation(Map<String, PopulationArea> areas, PopulationArea nation) {
        this.areas = areas;
        this.nation = nation;
    }

    /** The table bundled with the plugin, read once. */
    public static CensusPopulation bundled() {
        return Bundled.TABLE;
    }

    /**
     * Reads a table in the bundled file's format.
     *
     * @param name names the table in error messages
     * @throws IllegalArgumentException naming the line at fault, for a missing column, a bad number or date, an
     *                                  unknown kind, a repeated code, or not exactly one {@code NATION} line
     */
    static CensusPopulation read(Reader text, String name) {
        Map<String, PopulationArea> areas = new LinkedHashMap<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().commentStrategy(CommentStrategy.SKIP)
                .skipEmptyLines(true).ofNamedCsvRecord(text)) {
            for (NamedCsvRecord record : reader) {
                if (!record.getHeader().equals(HEADER)) {
                    throw new IllegalArgumentException(name + ": the header must be " + String.join(",", HEADER)
                            + " (was " + String.join(",", record.getHeader()) + ")");
                }
                PopulationArea area = area(record, name + " line " + record.getStartingLineNumber());
                if (areas.putIfAbsent(area.usps(), area) != null) {
                    throw new IllegalArgumentException(name + " line " + record.getStartingLineNumber()
                            + ": " + area.usps() + " appears twice");
                }
            }
        } catch (CsvParseException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
        List<PopulationArea> nations = areas.values().stream()
                .filter(area -> area.kind() == PopulationArea.Kind.NATION).toList();
        if (nations.size() != 1) {
            throw new IllegalArgumentException(name + ": needs exactly one NATION line (found " + nations.size() + ")");
        }
        return new CensusPopulation(Map.copyOf(areas), nations.getFirst());
    }

    private static PopulationArea area(NamedCsvRecord record, String where) {
        try {
            long population = Long.parseLong(record.getField("population"));
            if (population <= 0) {
                throw new IllegalArgumentException(where + ": population must be positive (was " + population + ")");
            }
            return new PopulationArea(record.getField("usps").toUpperCase(Locale.ROOT), record.getField("name"),
                    kind(record.getField("kind"), where), population,
                    LocalDate.parse(record.getField("as_of")), record.getField("source"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException(where + ": a column is missing (" + e.getMessage() + ")", e);
        }
    }

    private static PopulationArea.Kind kind(String kind, String where) {
        try {
            return PopulationArea.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": kind '" + kind + "' is not one of "
                    + Arrays.toString(PopulationArea.Kind.values()), e);
        }
    }

    /** The area with this USPS code, if the table has it. */
    public Optional<PopulationArea> area(String usps) {
        return Optional.ofNullable(areas.get(usps.toUpperCase(Locale.ROOT)));
    }

    /** The 50 states and DC, by name. */
    public List<PopulationArea> statesAndDc() {
        return sorted(areas.values().stream().filter(PopulationArea::isStateOrDc).toList());
    }

    /** Puerto Rico and the island areas, by population, largest first. */
    public List<PopulationArea> territories() {
        List<PopulationArea> territories = new ArrayList<>(areas.values().stream()
                .filter(area -> area.kind() == PopulationArea.Kind.TERRITORY).toList());
        territories.sort((a, b) -> Long.compare(b.population(), a.population()));
        return List.copyOf(territories);
    }

    /** The published total of the United States (50 states and DC). */
    public PopulationArea nation() {
        return nation;
    }

    /** Whether the code is one of the 50 states or DC. */
    public boolean isStateOrDc(String usps) {
        return area(usps).map(PopulationArea::isStateOrDc).orElse(false);
    }

    /** Whether the code is Puerto Rico or an island area. */
    public boolean isTerritory(String usps) {
        return area(usps).map(area -> area.kind() == PopulationArea.Kind.TERRITORY).orElse(false);
    }

    /** The footnote naming where the residents come from and which day they describe. */
    public String sourceNote() {
        List<PopulationArea> counted =
                territories().stream().filter(area -> !area.asOf().equals(nation.asOf())).toList();
        List<PopulationArea> estimated =
                territories().stream().filter(area -> area.asOf().equals(nation.asOf())).toList();
        StringBuilder note = new StringBuilder("Residents: U.S. Census Bureau, Vintage " + nation.asOf().getYear()
                + " population estimates for July 1, " + nation.asOf().getYear() + " (table " + nation.source()
                + ") for the states, DC");
        estimated.forEach(area -> note.append(" and ").append(area.name()));
        if (!counted.isEmpty()) {
            note.append("; ").append(counted.getFirst().source()).append(" counts for April 1, ")
                    .append(counted.getFirst().asOf().getYear()).append(" for ")
                    .append(String.join(", ", counted.stream().map(PopulationArea::name).toList()))
                    .append(", for which the Bureau publishes no annual estimates");
        }
        return note.append('.').toString();
    }

    private static List<PopulationArea> sorted(List<PopulationArea> areas) {
        List<PopulationArea> copy = new ArrayList<>(areas);
        copy.sort((a, b) -> a.name().compareTo(b.name()));
        return List.copyOf(copy);
    }

    private static final class Bundled {
        static final CensusPopulation TABLE = load();

        private static CensusPopulation load() {
            InputStream in = CensusPopulation.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("The plugin jar lacks " + RESOURCE);
            }
            try (Reader text = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return read(text, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
        }
    }
}
