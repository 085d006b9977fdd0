package org.grassroots.crm.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.people.PagingAgreement.assertPagingAgrees;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.petitions.PetitionFixtures.unique;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.CriterionChoice;
import org.grassroots.crm.people.CriterionOption;
import org.grassroots.crm.people.PersonFilter;
import org.grassroots.crm.people.PersonQuery;
import org.grassroots.crm.people.PersonRow;
import org.grassroots.crm.people.PersonSearchService;
import org.grassroots.crm.people.PersonSort;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** "Signed petition …" on the supporters list: the signers of one petition, picked from the petitions. */
@SpringBootTest
class SignedPetitionFilterTest {

    @Autowired
    PetitionService petitions;

    @Autowired
    PersonSearchService search;

    @Autowired
    JdbcClient jdbc;

    PetitionFixtures fixtures;

    @BeforeEach
    void signIn() {
        fixtures = new PetitionFixtures(jdbc);
        signInAs("organizer", Role.ORGANIZER);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theFilterListsOnlyTheSignersOfThePickedPetition() {
        Petition river = petition("River");
        Petition park = petition("Park");
        long riverSigner = fixtures.person();
        long bothSigner = fixtures.person();
        long parkSigner = fixtures.person();
        petitions.sign(river.id(), riverSigner, null, null);
        petitions.sign(river.id(), bothSigner, null, null);
        petitions.sign(park.id(), bothSigner, null, null);
        petitions.sign(park.id(), parkSigner, null, null);

        assertThat(ids(signed(river.id()), PersonSort.ID)).containsExactly(riverSigner, bothSigner);
        assertThat(ids(signed(park.id()), PersonSort.ID)).containsExactly(bothSigner, parkSigner);
        assertThat(ids(signed(petition("Unsigned").id()), PersonSort.ID)).isEmpty();
        assertThat(search.knownSize(new PersonQuery(null, signed(river.id()), null, false))).isEmpty();
    }

    @Test
    void theFilterCombinesWithStateYesNoCriteriaAndSearch() {
        Petition petition = petition("Combined");
        long texan = fixtures.person();
        long noted = fixtures.person();
        long unsigned = fixtures.person();
        for (long person : List.of(texan, noted, unsigned)) {
            jdbc.sql("UPDATE person SET state = 'TX' WHERE id = :id").param("id", person).update();
        }
        jdbc.sql("UPDATE person SET state = 'GA' WHERE id = :id").param("id", noted).update();
        jdbc.sql("INSERT INTO person_note (person_id, body, author) VALUES (:id, 'called back', 'test')")
                .param("id", noted).update();
        petitions.sign(petition.id(), texan, null, null);
        petitions.sign(petition.id(), noted, null, null);
        Map<String, Long> picked = Map.of(SignedPetitionCriterion.KEY, petition.id());

        assertThat(ids(new PersonFilter(UsState.TX, null, null, Set.of(), picked), PersonSort.ID))
                .containsExactly(texan);
        assertThat(ids(new PersonFilter(null, null, null, Set.of("test-has-note"), picked), PersonSort.ID))
                .containsExactly(noted);
        assertThat(ids(new PersonFilter(UsState.TX, null, null, Set.of("test-has-note"), picked), PersonSort.ID))
                .isEmpty();
        PersonQuery byAddress = new PersonQuery("person" + texan + "@petitions.example.org", signed(petition.id()),
                null, false);
        assertThat(search.page(byAddress, null, 0, 10).rows()).extracting(PersonRow::id).containsExactly(texan);
    }

    @ParameterizedTest
    @EnumSource(value = PersonSort.class, names = {"NAME", "CREATED", "ID"})
    void keysetPagingThroughTheSignersMatchesOffsetPaging(PersonSort sort) {
        Petition petition = petition("Paged");
        String[] firstNames = {"Ann", "Bo", "ann", "Cy", "Bo"};
        for (int i = 0; i < 23; i++) {
            long signer = fixtures.person(firstNames[i % firstNames.length], "Pager");
            petitions.sign(petition.id(), signer, null, null);
            fixtures.person();
        }
        for (boolean descending : new boolean[] {false, true}) {
            PersonQuery query = new PersonQuery(null, signed(petition.id()), sort, descending);
            assertPagingAgrees(search, query, 23);
        }
    }

    @Test
    void thePetitionsArePickedNewestFirstAndFoundByTitleOrSlug() {
        String word = unique("Pickable").replace(' ', '-');
        Petition older = petitions.create(new PetitionDraft("Older " + word, null, null, null, null));
        Petition newer = petitions.create(new PetitionDraft("Newer " + word, null, null, null, null));
        Petition slugOnly = petitions.create(new PetitionDraft("Another title " + unique("x"),
                "slug-" + word.toLowerCase(), null, null, null));

        assertThat(search.choiceCriteria()).contains(new CriterionOption(SignedPetitionCriterion.KEY,
                "Signed petition"));
        assertThat(search.choices(SignedPetitionCriterion.KEY, word.toUpperCase(), 0, 10))
                .containsExactly(new CriterionChoice(slugOnly.id(), slugOnly.title()),
                        new CriterionChoice(newer.id(), newer.title()), new CriterionChoice(older.id(), older.title()));
        assertThat(search.choices(SignedPetitionCriterion.KEY, word, 1, 1)).extracting(CriterionChoice::id)
                .containsExactly(newer.id());
        assertThat(search.choices(SignedPetitionCriterion.KEY, null, 0, 2)).extracting(CriterionChoice::id)
                .containsExactly(slugOnly.id(), newer.id());
        assertThat(search.choice(SignedPetitionCriterion.KEY, older.id()))
                .contains(new CriterionChoice(older.id(), older.title()));
        assertThat(search.choice(SignedPetitionCriterion.KEY, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void textThatLooksLikeSqlIsOnlyEverAValue() {
        Petition petition = petition("Guarded");
        petitions.sign(petition.id(), fixtures.person(), null, null);

        assertThat(search.choices(SignedPetitionCriterion.KEY, "' OR 1=1 --", 0, 10)).isEmpty();
        assertThat(search.choices(SignedPetitionCriterion.KEY, "%", 0, 10)).isEmpty();
        assertThat(ids(signed(petition.id()), PersonSort.ID)).hasSize(1);
    }

    private Petition petition(String title) {
        return petitions.create(new PetitionDraft(unique(title), null, null, null, null));
    }

    private static PersonFilter signed(long petitionId) {
        return new PersonFilter(null, null, null, Set.of(), Map.of(SignedPetitionCriterion.KEY, petitionId));
    }

    private List<Long> ids(PersonFilter filter, PersonSort sort) {
        return search.page(new PersonQuery(null, filter, sort, false), null, 0, 100).rows().stream()
                .map(PersonRow::id).toList();
    }
}
