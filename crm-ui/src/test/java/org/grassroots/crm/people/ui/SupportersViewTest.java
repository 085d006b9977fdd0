package org.grassroots.crm.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.QueryParameters;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.NewPerson;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonRow;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PersonSort;
import org.grassroots.crm.people.CriterionChoice;
import org.grassroots.crm.people.PostalAddress;
import org.grassroots.crm.petitions.Petition;
import org.grassroots.crm.petitions.PetitionDraft;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.petitions.SignedPetitionCriterion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The list and the new-supporter form, driven through their components (the views themselves are Spring proxies,
 * so the tests find fields by label rather than reading the view's fields).
 */
@SpringBootTest
@WithMockUser(username = "organizer-olga", roles = "ORGANIZER")
class SupportersViewTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;

    @Autowired
    PetitionService petitions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSupporterCreatedInTheFormOpensTheirPageAndIsFoundInTheList() {
        String lastName = unique("Formby");
        String email = unique("form") + "@example.org";
        navigate(NewSupporterView.class);
        test(field("First name")).setValue("Frida");
        test(field("Last name")).setValue(lastName);
        test($(EmailField.class).withLabel("E-mail").single()).setValue(email.toUpperCase());
        test(field("Phone")).setValue("(512) 555-0177");
        test(field("ZIP")).setValue("78701");
        test(field("Tags")).setValue("canvass, phone bank");

        test($(Button.class).withText("Add supporter").single()).click();

        SupporterView page = (SupporterView) getCurrentView();
        assertThat(page.getPageTitle()).isEqualTo("Frida " + lastName);
        navigate(SupportersView.class);
        test(searchField()).setValue(email);
        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(test(grid()).getRow(0).state()).isEqualTo("TX");
        assertThat(test(grid()).getRow(0).tags()).isEqualTo("canvass, phone bank");
        test(grid()).clickRow(0);
        assertThat(getCurrentView()).isInstanceOf(SupporterView.class);
    }

    @Test
    void invalidInputShowsBesideItsFieldAndSavesNothing() {
        String lastName = unique("Badzip");
        navigate(NewSupporterView.class);
        test(field("First name")).setValue("Bo");
        test(field("Last name")).setValue(lastName);
        test(state()).selectItem("GA · Georgia");
        TextField zip = field("ZIP");
        test(zip).setValue("78701");
        Button save = $(Button.class).withText("Add supporter").single();

        test(save).click();

        assertThat(zip.isInvalid()).isTrue();
        assertThat(zip.getErrorMessage()).isEqualTo("ZIP 78701 is in Texas, not Georgia.");
        test(zip).setValue("30303");
        TextField phone = field("Phone");
        test(phone).setValue("12");
        test(save).click();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).contains("(512) 555-0123");
        assertThat(getCurrentView()).isInstanceOf(NewSupporterView.class);
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE last_name = :name").param("name", lastName)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aShortNameSearchAsksForThreeCharacters() {
        navigate(SupportersView.class);
        int rowsBefore = test(grid()).size();

        test(searchField()).setValue("ab");

        assertThat(searchField().getHelperText()).contains("at least 3 characters");
        assertThat(test(grid()).size()).isEqualTo(rowsBefore);
    }

    @Test
    void filtersNarrowTheListAndAnEmptyResultSaysWhatToDo() {
        String tag = unique("ui tag ");
        PersonDetails texan = people.create(new NewPerson("Tex", unique("Filter"), List.of(), List.of(),
                new PostalAddress(null, null, UsState.TX, "78701"), null, List.of(tag)));
        people.create(new NewPerson("Geo", unique("Filter"), List.of(), List.of(),
                new PostalAddress(null, null, UsState.GA, "30303"), null, List.of(tag)));
        navigate(SupportersView.class);
        assertThat(emptyStateText()).contains(SupportersView.DEMO_DATA_COMMAND);

        test(comboBox("Tag")).selectItem(tag);
        assertThat(test(grid()).size()).isEqualTo(2);
        int idColumn = grid().getColumns().indexOf(grid().getColumnByKey(PersonSort.ID.name()));
        test(grid()).sortByColumn(idColumn, SortDirection.DESCENDING);
        assertThat(test(grid()).getRow(0).id()).isGreaterThan(test(grid()).getRow(1).id());
        test(grid()).sortByColumn(idColumn, SortDirection.ASCENDING);
        assertThat(test(grid()).getRow(0).id()).isEqualTo(texan.id());
        test(state()).selectItem("TX · Texas");
        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(test(grid()).getRow(0).id()).isEqualTo(texan.id());

        test(searchField()).setValue(unique("nobody"));
        assertThat(test(grid()).size()).isZero();
        assertThat(emptyStateText()).contains("No supporter matches");
    }

    @Test
    void theSignedPetitionPickerFindsPetitionsByTitleAndNarrowsTheListToTheirSigners() {
        String word = unique("Wetlands");
        Petition wetlands = petitions.create(new PetitionDraft("Protect the " + word, null, null, null, null));
        Petition other = petitions.create(new PetitionDraft("Also the " + word, null, null, null, null));
        PersonDetails texan = signer("Tex", UsState.TX, "78701", wetlands);
        PersonDetails georgian = signer("Geo", UsState.GA, "30303", wetlands);
        signer("Oth", UsState.TX, "78701", other);
        navigate(SupportersView.class);
        ComboBox<CriterionChoice> picker = petitionPicker();

        test(picker).setFilter(word.toLowerCase());
        assertThat(test(picker).getSuggestions()).as("newest first")
                .containsExactly(other.title(), wetlands.title());
        test(picker).selectItem(wetlands.title());

        assertThat(rowIds()).containsExactlyInAnyOrder(texan.id(), georgian.id());
        test(state()).selectItem("TX · Texas");
        assertThat(rowIds()).containsExactly(texan.id());
        assertThat($(SupporterFilters.class).single().parameters().getQueryString())
                .isEqualTo("state=TX&" + SignedPetitionCriterion.KEY + "=" + wetlands.id());
        test(picker).selectItem(null);
        assertThat(rowIds()).contains(texan.id()).doesNotContain(georgian.id()).hasSizeGreaterThan(1);
    }

    @Test
    void aLinkOpensTheListFilteredToOnePetitionAndAnUnknownOneSaysSo() {
        Petition petition = petitions.create(new PetitionDraft(unique("Linked "), null, null, null, null));
        PersonDetails signer = signer("Lin", UsState.OH, "43004", petition);

        follow(SupportersLink.filteredBy(SignedPetitionCriterion.KEY, petition.id()) + "&state=oh");

        assertThat(getCurrentView()).isInstanceOf(SupportersView.class);
        assertThat(petitionPicker().getValue()).isEqualTo(new CriterionChoice(petition.id(), petition.title()));
        assertThat(state().getValue()).isEqualTo(UsState.OH);
        assertThat(rowIds()).containsExactly(signer.id());

        follow(SupportersLink.filteredBy(SignedPetitionCriterion.KEY, 987654321));

        assertThat(petitionPicker().getValue()).isNull();
        assertThat(petitionPicker().isInvalid()).isTrue();
        assertThat(petitionPicker().getErrorMessage()).contains("987654321").contains("not found");
    }

    @Test
    void anUnknownIdSaysSo() {
        navigate("supporters/987654321", SupporterView.class);

        assertThat($(H2.class).single().getText()).isEqualTo("No supporter with id 987654321");
    }

    private PersonDetails signer(String firstName, UsState state, String zip, Petition petition) {
        PersonDetails person = people.create(new NewPerson(firstName, unique("Signer"), List.of(), List.of(),
                new PostalAddress(null, null, state, zip), null, List.of()));
        petitions.sign(petition.id(), person.id(), null, null);
        return person;
    }

    /** Opens a link the way the browser's router does: the path, then its query parameters. */
    private static void follow(String link) {
        int query = link.indexOf('?');
        UI.getCurrent().navigate(link.substring(0, query), QueryParameters.fromString(link.substring(query + 1)));
    }

    private List<Long> rowIds() {
        return grid().getGenericDataView().getItems().map(PersonRow::id).toList();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<CriterionChoice> petitionPicker() {
        return $(ComboBox.class).withLabel("Signed petition").single();
    }

    private TextField field(String label) {
        return $(TextField.class).withLabel(label).single();
    }

    private TextField searchField() {
        return $(TextField.class).withAriaLabel("Search supporters").single();
    }

    @SuppressWarnings("unchecked")
    private Grid<PersonRow> grid() {
        return $(Grid.class).single();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<UsState> state() {
        return $(ComboBox.class).withLabel("State").single();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> comboBox(String label) {
        return $(ComboBox.class).withLabel(label).single();
    }

    private String emptyStateText() {
        return $(Div.class).withClassName("supporters-empty").single().getElement().getTextRecursively();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
