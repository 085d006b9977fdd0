package org.grassroots.plugins.statereports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CensusPopulationTest {

    /** The United States total of NST-EST2024-POP (Vintage 2024), July 1, 2024. */
    private static final long US_JULY_2024 = 340_110_988L;

    private final CensusPopulation census = CensusPopulation.bundled();

    @Test
    void theFiftyStatesAndDcAddUpToThePublishedUnitedStatesTotal() {
        List<PopulationArea> states = census.statesAndDc();

        assertThat(states).hasSize(51);
        assertThat(states).filteredOn(area -> area.kind() == PopulationArea.Kind.DISTRICT)
                .extracting(PopulationArea::usps).containsExactly("DC");
        assertThat(states.stream().mapToLong(PopulationArea::population).sum()).isEqualTo(US_JULY_2024);
        assertThat(census.nation().population()).isEqualTo(US_JULY_2024);
        assertThat(census.nation().asOf()).isEqualTo(LocalDate.of(2024, 7, 1));
    }

    @Test
    void holdsTheVintage2024EstimatesForTheStatesDcAndPuertoRico() {
        assertThat(census.statesAndDc()).allSatisfy(area -> {
            assertThat(area.asOf()).isEqualTo(LocalDate.of(2024, 7, 1));
            assertThat(area.source()).isEqualTo("NST-EST2024-POP");
            assertThat(area.usps()).matches("[A-Z]{2}");
        });
        assertThat(census.area("CA").orElseThrow().population()).isEqualTo(39_431_263L);
        assertThat(census.area("wy").orElseThrow().population()).isEqualTo(587_618L);
        assertThat(census.area("PR").orElseThrow()).isEqualTo(new PopulationArea("PR", "Puerto Rico",
                PopulationArea.Kind.TERRITORY, 3_203_295L, LocalDate.of(2024, 7, 1), "NST-EST2024-POP"));
    }

    @Test
    void holdsThe2020CensusCountsOfTheIslandAreas() {
        assertThat(census.territories()).extracting(PopulationArea::usps, PopulationArea::population).containsExactly(
                tuple("PR", 3_203_295L),
                tuple("GU", 153_836L),
                tuple("VI", 87_146L),
                tuple("AS", 49_710L),
                tuple("MP", 47_329L));
        assertThat(census.territories().subList(1, 5)).allSatisfy(area -> {
            assertThat(area.asOf()).isEqualTo(LocalDate.of(2020, 4, 1));
            assertThat(area.source()).isEqualTo("2020 Island Areas Censuses");
        });
    }

    @Test
    void theFileRecordsItsSourcesAndHasEveryCodeOnce() throws IOException {
        String text;
        try (InputStream in = CensusPopulation.class.getResourceAsStream(CensusPopulation.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> dataLines = text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();

        assertThat(text).contains("NST-EST2024-POP", "Vintage 2024", "July 1, 2024", "2020 Island Areas",
                "April 1, 2020", "no annual", "estimates");
        assertThat(dataLines).hasSize(1 + 1 + 52 + 4);
        assertThat(dataLines.stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).distinct())
                .hasSize(57);
    }

    @Test
    void theSourceNoteNamesTheTableAndTheYears() {
        assertThat(census.sourceNote()).isEqualTo("Residents: U.S. Census Bureau, Vintage 2024 population estimates "
                + "for July 1, 2024 (table NST-EST2024-POP) for the states, DC and Puerto Rico; 2020 Island Areas "
                + "Censuses counts for April 1, 2020 for Guam, U.S. Virgin Islands, American Samoa, Northern Mariana "
                + "Islands, for which the Bureau publishes no annual estimates.");
    }

    @Test
    void tellsStatesFromTerritoriesAndOtherCodes() {
        assertThat(census.isStateOrDc("ia")).isTrue();
        assertThat(census.isStateOrDc("DC")).isTrue();
        assertThat(census.isStateOrDc("PR")).isFalse();
        assertThat(census.isTerritory("GU")).isTrue();
        assertThat(census.isStateOrDc("US")).isFalse();
        assertThat(census.isTerritory("AE")).isFalse();
        assertThat(census.isStateOrDc("XX")).isFalse();
    }

    @Test
    void aBrokenTableIsRefusedNamingTheLine() {
        String header = "usps,name,kind,population,as_of,source\n";
        String nation = "US,United States,NATION,10,2024-07-01,T\n";

        assertThatThrownBy(() -> read(header + nation + "IA,Iowa,STATE,5,2024-07-01,T\nIA,Iowa,STATE,5,2024-07-01,T\n"))
                .hasMessage("test.csv line 4: IA appears twice");
        assertThatThrownBy(() -> read(header + nation + "IA,Iowa,STATE,many,2024-07-01,T\n"))
                .hasMessageStartingWith("test.csv line 3: ");
        assertThatThrownBy(() -> read(header + nation + "IA,Iowa,STATE,-5,2024-07-01,T\n"))
                .hasMessage("test.csv line 3: population must be positive (was -5)");
        assertThatThrownBy(() -> read(header + nation + "IA,Iowa,COUNTY,5,2024-07-01,T\n"))
                .hasMessage("test.csv line 3: kind 'COUNTY' is not one of [NATION, STATE, DISTRICT, TERRITORY]");
        assertThatThrownBy(() -> read(header + nation + "IA,Iowa,STATE\n")).hasMessageStartingWith("test.csv: ");
        assertThatThrownBy(() -> read(header + "IA,Iowa,STATE,5,2024-07-01,T\n"))
                .hasMessage("test.csv: needs exactly one NATION line (found 0)");
        assertThatThrownBy(() -> read("code,name\nIA,Iowa\n")).hasMessageStartingWith("test.csv: the header must be");
        assertThat(read("# a comment\n" + header + nation).nation().population()).isEqualTo(10);
    }

    private static CensusPopulation read(String text) {
        return CensusPopulation.read(new StringReader(text), "test.csv");
    }
}
