package org.grassroots.crm.petitions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.grassroots.crm.petitions.Petition;
import org.grassroots.crm.petitions.PetitionDraft;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.petitions.Signature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The petitions screens without a browser, against the embedded database. */
@SpringBootTest
class PetitionScreensTest extends SpringBrowserlessTest {

    @Autowired
    PetitionService petitions;

    @Autowired
    JdbcClient jdbc;

    @Test
    @WithMockUser(username = "organizer", roles = "ORGANIZER")
    void anOrganizerCreatesAPetitionAndLandsOnItsPage() {
        String title = unique("Keep the Eastside library open");

        navigate(PetitionsView.class);
        test($view(Button.class).withText("New petition").single()).click();
        PetitionDialog dialog = $(PetitionDialog.class).single();
        test(dialog.slug).setValue("Not A Slug");
        test($(Button.class, dialog).withText("Create petition").single()).click();
        assertThat(dialog.title.isInvalid()).as("title is required").isTrue();
        assertThat(dialog.slug.isInvalid()).isTrue();
        assertThat(dialog.slug.getErrorMessage()).contains("lower-case letters");

        test(dialog.title).setValue(title);
        test(dialog.slug).setValue("");
        test(dialog.target).setValue("Des Moines City Council");
        test(dialog.goal).setValue(250);
        test($(Button.class, dialog).withText("Create petition").single()).click();

        assertThat(getCurrentView()).isInstanceOf(PetitionView.class);
        assertThat(countText()).isEqualTo("0 signatures of a goal of 250");
        Petition created = petitions.findBySlug(title.toLowerCase().replace(' ', '-')).orElseThrow();
        assertThat(created.target()).isEqualTo("Des Moines City Council");
    }

    @Test
    @WithMockUser(username = "organizer", roles = "ORGANIZER")
    void aSlugInUseIsRefusedBesideTheField() {
        Petition existing = petitions.create(new PetitionDraft(unique("Bus lanes"), null, null, null, null));

        navigate(PetitionsView.class);
        test($view(Button.class).withText("New petition").single()).click();
        PetitionDialog dialog = $(PetitionDialog.class).single();
        test(dialog.title).setValue("Bus lanes again");
        test(dialog.slug).setValue(existing.slug());
        test($(Button.class, dialog).withText("Create petition").single()).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.slug.isInvalid()).isTrue();
        assertThat(dialog.slug.getErrorMessage()).contains("already used by the petition “" + existing.title() + "”");
    }

    @Test
    @WithMockUser(username = "organizer", roles = "ORGANIZER")
    void thePetitionPageListsTheNewestSignaturesWithLinksToTheSupporters() {
        Petition petition = petitions.create(new PetitionDraft(unique("Clean water"), null, null, "Governor", 2));
        long first = person("Ada", unique("Lovelace"));
        long second = person("Grace", unique("Hopper"));
        petitions.sign(petition.id(), first, null, null);
        Signature newest = petitions.sign(petition.id(), second, "Clipboard", "Please");

        navigate("petitions/" + petition.id(), PetitionView.class);
        Grid<Signature> grid = $view(Grid.class).withClassName("petition-signatures").single();

        assertThat(countText()).isEqualTo("2 signatures of a goal of 2");
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getRow(0)).isEqualTo(newest);
        Anchor name = (Anchor) test(grid).getCellComponent(0, 0);
        assertThat(name.getHref()).isEqualTo("supporters/" + second);
        assertThat(name.getText()).isEqualTo(newest.personName());
        assertThat($view(Button.class).withText("Edit petition").exists()).isTrue();
        assertThat($view(Anchor.class).withText(PetitionView.SIGNERS_LINK).single().getHref())
                .isEqualTo("supporters?signed-petition=" + petition.id());
    }

    @Test
    @WithMockUser(username = "organizer", roles = "ORGANIZER")
    void anOrganizerEntersAPaperSignatureByEmailOncePerPerson() {
        Petition petition = petitions.create(new PetitionDraft(unique("Bike lanes"), null, null, null, null));
        long person = person("Rosa", unique("Parks"));
        navigate("petitions/" + petition.id(), PetitionView.class);

        SignatureDialog dialog = openSignatureDialog();
        test(dialog.email).setValue("nobody-" + UUID.randomUUID() + "@example.org");
        test($(Button.class, dialog).withText("Add signature").single()).click();
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).startsWith("No supporter has the address");

        test(dialog.email).setValue(emailOf(person).toUpperCase());
        test(dialog.comment).setValue("Signed at the farmers market");
        test(dialog.cosponsorConsent).click();
        test($(Button.class, dialog).withText("Add signature").single()).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(countText()).isEqualTo("1 signature");
        assertThat(petitions.signaturesOf(person)).singleElement().satisfies(signature -> {
            assertThat(signature.source()).isEqualTo("Paper");
            assertThat(signature.comment()).isEqualTo("Signed at the farmers market");
        });
        assertThat(jdbc.sql("SELECT cosponsor_consent FROM signature WHERE person_id = ?").param(person)
                .query(Boolean.class).single()).as("the co-sponsor box is stored with the signature").isTrue();

        SignatureDialog again = openSignatureDialog();
        test(again.email).setValue(emailOf(person));
        test($(Button.class, again).withText("Add signature").single()).click();
        assertThat(again.isOpened()).isTrue();
        assertThat(again.email.getErrorMessage()).contains("already signed");
    }

    @Test
    @WithMockUser(username = "fundraiser", roles = "FUNDRAISER")
    void otherStaffReadButGetNoNewOrEditButtons() {
        long petitionId = petitionInDatabase();

        navigate(PetitionsView.class);
        assertThat($view(Button.class).withText("New petition").exists()).isFalse();
        assertThat(test($view(Grid.class).single()).size()).as("the list").isPositive();

        navigate("petitions/" + petitionId, PetitionView.class);
        assertThat($view(Button.class).withText("Edit petition").exists()).isFalse();
        assertThat($view(Button.class).withText("Add signature").exists()).isFalse();
        assertThat($view(Anchor.class).withText(PetitionView.SIGNERS_LINK).single().getHref())
                .as("a fundraiser may open the supporters list too").endsWith("=" + petitionId);
    }

    private SignatureDialog openSignatureDialog() {
        test($view(Button.class).withText("Add signature").single()).click();
        return $(SignatureDialog.class).single();
    }

    /** A petition written with SQL: a fundraiser may not create one. */
    private long petitionInDatabase() {
        return jdbc.sql("INSERT INTO petition (slug, title, created_by) VALUES (:slug, :title, 'test') RETURNING id")
                .param("slug", "screen-" + UUID.randomUUID()).param("title", unique("Read only"))
                .query(Long.class).single();
    }

    private long person(String firstName, String lastName) {
        long id = jdbc.sql("INSERT INTO person (first_name, last_name) VALUES (:first, :last) RETURNING id")
                .param("first", firstName).param("last", lastName).query(Long.class).single();
        jdbc.sql("INSERT INTO person_email (person_id, email, is_primary) VALUES (:id, :email, TRUE)")
                .param("id", id).param("email", emailOf(id)).update();
        return id;
    }

    private static String emailOf(long personId) {
        return "screen-signer" + personId + "@petitions.example.org";
    }

    private String countText() {
        return $view(Paragraph.class).withClassName("petition-count").single().getText();
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
