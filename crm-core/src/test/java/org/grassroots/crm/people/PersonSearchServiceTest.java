package org.grassroots.crm.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.people.PagingAgreement.assertPagingAgrees;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.people.PeopleTests.assertInvalid;
import static org.grassroots.crm.people.PeopleTests.unique;
import static org.grassroots.crm.people.PeopleTests.uniqueEmail;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.crm.geo.UsState;
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

@SpringBootTest
class PersonSearchServiceTest {

    @Autowired
    PersonSearchService search;

    @Autowired
    PersonService people;

    @Autowired
    PersonEmailService emails;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        signInAs("fundraiser-fay", Role.FUNDRAISER);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAddressFindsItsOwnerExactlyInAnyCase() {
        String email = uniqueEmail();
        PersonDetails owner = people.create(PeopleTests.person("Mia", unique("Exact"), email));

        assertThat(rows(new PersonQuery("  " + email.toUpperCase() + " ", PersonFilter.none(), null, false)))
                .extracting(PersonRow::id, PersonRow::primaryEmail).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(owner.id(), email));
        assertThat(rows(new PersonQuery("x" + email, PersonFilter.none(), null, false))).isEmpty();
    }

    @Test
    void aPhoneNumberFindsItsOwnerHoweverItIsWritten() {
        String lastName = unique("Phone");
        String number = "+1 415 555 " + String.format("%04d", (int) (Math.random() * 10_000));
        PersonDetails owner = people.create(new NewPerson("Pia", lastName, List.of(),
                List.of(new NewPhone(number, PhoneKind.HOME)), null, null, null));
        String digits = owner.phones().getFirst().e164().substring(2);

        assertThat(rows(query("(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6))))
                .extracting(PersonRow::id).containsExactly(owner.id());
    }

    @Test
    void aNameIsFoundFuzzilyBestMatchFirst() {
        String lastName = unique("Zorbaq");
        PersonDetails exact = people.create(PeopleTests.person("Quentin", lastName));
        PersonDetails other = people.create(PeopleTests.person("Quinta", lastName + "x"));

        List<PersonRow> found = rows(query("quentin " + lastName.substring(0, lastName.length() - 1)));

        assertThat(found).extracting(PersonRow::id).startsWith(exact.id()).contains(other.id());
    }

    @Test
    void aNameSearchNeedsThreeCharacters() {
        assertInvalid(() -> search.page(query("ab"), null, 0, 50), "search").hasMessageContaining("at least 3");
        assertInvalid(() -> search.listing(query(" a ")), "search");
        assertThat(search.page(query("abc"), null, 0, 50).rows()).isNotNull();
    }

    @Test
    void filtersByStateTagStatusAndCriteria() {
        String tag = unique("filter ");
        String unsubscribed = uniqueEmail();
        PersonDetails texan = create(tag, UsState.TX, "78701", uniqueEmail());
        PersonDetails georgian = create(tag, UsState.GA, "30303", unsubscribed);
        emails.changeStatus(georgian.id(), unsubscribed, SubscriptionStatus.UNSUBSCRIBED, "test", null);
        people.addNote(georgian.id(), "has a note");

        assertThat(ids(new PersonFilter(null, tag, null, Set.of()))).containsExactly(georgian.id(), texan.id());
        assertThat(ids(new PersonFilter(UsState.TX, tag, null, Set.of()))).containsExactly(texan.id());
        assertThat(ids(new PersonFilter(null, tag.toUpperCase(), SubscriptionStatus.UNSUBSCRIBED, Set.of())))
                .containsExactly(georgian.id());
        assertThat(ids(new PersonFilter(null, tag, null, Set.of(HasNoteCriterion.KEY))))
                .containsExactly(georgian.id());
        assertThat(search.criteria()).contains(new CriterionOption(HasNoteCriterion.KEY, "Has a note"));
        assertInvalid(() -> ids(new PersonFilter(null, tag, null, Set.of("no-such-filter"))), "criteria");
    }

    @Test
    void aChoiceFilterSelectsByThePickedIdAndCombinesWithTheOtherFilters() {
        String shared = unique("choice ");
        String picked = unique("picked ");
        PersonDetails texan = create(shared, UsState.TX, "78701", uniqueEmail());
        PersonDetails georgian = create(shared, UsState.GA, "30303", uniqueEmail());
        PersonDetails other = create(shared, UsState.TX, "78701", uniqueEmail());
        people.addTag(texan.id(), picked);
        people.addTag(georgian.id(), picked);
        people.addNote(georgian.id(), "noted");
        long pickedId = tagId(picked);

        assertThat(ids(choice(null, pickedId, Set.of()))).containsExactly(georgian.id(), texan.id())
                .doesNotContain(other.id());
        assertThat(ids(choice(UsState.TX, pickedId, Set.of()))).containsExactly(texan.id());
        assertThat(ids(choice(null, pickedId, Set.of(HasNoteCriterion.KEY)))).containsExactly(georgian.id());
        assertThat(ids(choice(null, tagId(shared), Set.of()))).containsExactly(georgian.id(), texan.id(), other.id());
        assertThat(ids(choice(null, -1, Set.of()))).isEmpty();
        assertThat(search.knownSize(new PersonQuery(null, choice(null, pickedId, Set.of()), null, false))).isEmpty();
        assertInvalid(() -> ids(new PersonFilter(null, null, null, Set.of(), Map.of("no-such-filter", pickedId))),
                "criteria");
    }

    @Test
    void aChoiceFilterOffersItsChoicesPagedAndFilteredByText() {
        String prefix = unique("offered ");
        for (int i = 0; i < 5; i++) {
            people.addTag(people.create(PeopleTests.person("Tag", unique("Holder"))).id(), prefix + i);
        }

        assertThat(search.choiceCriteria()).contains(new CriterionOption(TaggedWithCriterion.KEY, "Tagged with"));
        assertThat(search.choices(TaggedWithCriterion.KEY, "  " + prefix + " ", 0, 10))
                .extracting(CriterionChoice::label).containsExactly(prefix + 4, prefix + 3, prefix + 2, prefix + 1, prefix + 0);
        assertThat(search.choices(TaggedWithCriterion.KEY, prefix, 1, 2)).extracting(CriterionChoice::label)
                .containsExactly(prefix + 3, prefix + 2);
        assertThat(search.choice(TaggedWithCriterion.KEY, tagId(prefix + 2)))
                .contains(new CriterionChoice(tagId(prefix + 2), prefix + 2));
        assertThat(search.choice(TaggedWithCriterion.KEY, -1)).isEmpty();
        assertInvalid(() -> search.choices(HasNoteCriterion.KEY, null, 0, 10), "criteria")
                .hasMessageContaining(HasNoteCriterion.KEY);
    }

    @ParameterizedTest
    @EnumSource(PersonSort.class)
    void keysetPagingReturnsTheSameRowsAsOffsetPaging(PersonSort sort) {
        String tag = unique("paging ");
        UsState[] states = {UsState.TX, UsState.GA, null, UsState.NV, UsState.TX};
        String[] zips = {"78701", "30303", null, "89501", "75201"};
        String[] firstNames = {"Alex", "Alex", "Bea", "Cy", "alex", "Dee", "Bea"};
        for (int i = 0; i < 23; i++) {
            people.create(new NewPerson(firstNames[i % firstNames.length], "Pager", List.of(), List.of(),
                    new PostalAddress(null, null, states[i % states.length], zips[i % zips.length]), null,
                    List.of(tag)));
        }
        for (boolean descending : new boolean[] {false, true}) {
            PersonQuery query = new PersonQuery(null, new PersonFilter(null, tag, null, Set.of()), sort, descending);
            List<PersonRow> byOffset = assertPagingAgrees(search, query, 23);
            assertThat(search.page(query, null, 20, 5).rows()).containsExactlyElementsOf(byOffset.subList(20, 23));
        }
    }

    @Test
    void theUnfilteredListKnowsItsSizeAndSearchesDoNot() {
        assertThat(search.knownSize(PersonQuery.all())).isPresent();
        assertThat(search.knownSize(query("someone"))).isEmpty();
    }

    private PersonDetails create(String tag, UsState state, String zip, String email) {
        return people.create(new NewPerson("Fil", unique("Ter"), List.of(email), List.of(),
                new PostalAddress(null, null, state, zip), null, List.of(tag)));
    }

    private static PersonFilter choice(UsState state, long tagId, Set<String> criteria) {
        return new PersonFilter(state, null, null, criteria, Map.of(TaggedWithCriterion.KEY, tagId));
    }

    private long tagId(String name) {
        return jdbc.sql("SELECT id FROM tag WHERE lower(name) = lower(:name)").param("name", name)
                .query(Long.class).single();
    }

    private List<Long> ids(PersonFilter filter) {
        return search.page(new PersonQuery(null, filter, PersonSort.STATE, false), null, 0, 50).rows().stream()
                .map(PersonRow::id).toList();
    }

    private List<PersonRow> rows(PersonQuery query) {
        return search.page(query, null, 0, 50).rows();
    }

    private static PersonQuery query(String text) {
        return new PersonQuery(text, PersonFilter.none(), null, false);
    }
}
