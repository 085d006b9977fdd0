package org.grassroots.crm.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.NewPerson;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonPrivacyService;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PostalAddress;
import org.grassroots.crm.people.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "organizer-otto", roles = "ORGANIZER")
class SupporterViewTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;

    @Autowired
    PersonPrivacyService privacy;

    @Autowired
    JdbcClient jdbc;

    @Test
    void contactDataIsEditedInline() {
        PersonDetails person = create("Ina");
        SupporterView page = open(person);
        ContactCard contact = $(ContactCard.class).single();
        assertThat(contact.fields.firstName.isReadOnly()).isTrue();

        test(contact.edit).click();
        test(contact.fields.firstName).setValue("Irene");
        test(contact.fields.zip).setValue("89501");
        test(contact.save).click();

        PersonDetails saved = people.findById(person.id()).orElseThrow();
        assertThat(saved.firstName()).isEqualTo("Irene");
        assertThat(saved.address().state()).isEqualTo(UsState.NV);
        assertThat(page.getPageTitle()).isEqualTo("Irene " + person.lastName());
    }

    @Test
    void anInlineEditThatTheServiceRefusesShowsTheFieldMessageAndSavesNothing() {
        PersonDetails person = create("Jo");
        open(person);
        ContactCard contact = $(ContactCard.class).single();

        test(contact.edit).click();
        test(contact.fields.firstName).setValue("Changed");
        test(contact.fields.state).selectItem("CA · California");
        test(contact.fields.zip).setValue("78701");
        test(contact.save).click();

        assertThat(contact.fields.zip.isInvalid()).isTrue();
        assertThat(contact.fields.zip.getErrorMessage()).isEqualTo("ZIP 78701 is in Texas, not California.");
        test(contact.fields.zip).setValue("7870x");
        test(contact.save).click();
        assertThat(contact.fields.zip.isInvalid()).isTrue();
        assertThat(people.findById(person.id()).orElseThrow().firstName()).isEqualTo("Jo");
    }

    @Test
    void aStatusChangeIsRecordedAndNotesAndTagsAreAdded() {
        PersonDetails person = create("Kai");
        open(person);

        @SuppressWarnings("unchecked")
        Select<SubscriptionStatus> status = $(Select.class).withAriaLabel(
                "Subscription status of " + person.emails().getFirst().email()).single();
        test(status).selectItem("Unsubscribed");
        NotesCard notes = $(NotesCard.class).single();
        test(notes.note).setValue("Prefers text messages");
        test(notes.add).click();
        PhonesCard phones = $(PhonesCard.class).single();
        test(phones.number).setValue("not a phone");
        test(phones.add).click();

        assertThat(phones.number.isInvalid()).isTrue();
        PersonDetails after = people.findById(person.id()).orElseThrow();
        assertThat(after.emails().getFirst().status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
        assertThat(after.notes()).extracting(n -> n.author() + ": " + n.body())
                .containsExactly("organizer-otto: Prefers text messages");
        assertThat(after.phones()).isEmpty();
        assertThat($(TimelineCard.class).single().getElement().getTextRecursively())
                .contains("Unsubscribed", "Prefers text messages");
    }

    @Test
    void aDuplicateIsMergedFromTheDialogAndItsIdOpensTheSurvivor() {
        PersonDetails survivor = create("Lou");
        PersonDetails duplicate = create("Louis");
        open(survivor);

        test($(Button.class).withText("Merge with…").single()).click();
        MergeDialog dialog = $(MergeDialog.class).single();
        test(dialog.find).setValue(duplicate.emails().getFirst().email());
        test(dialog.candidates).clickRow(0);
        test(dialog.names).selectItem("Duplicate: Louis " + duplicate.lastName());
        test(dialog.merge).click();

        assertThat(people.findById(survivor.id()).orElseThrow().firstName()).isEqualTo("Louis");
        assertThat(people.findById(survivor.id()).orElseThrow().emails()).hasSize(2);
        navigate("supporters/" + duplicate.id(), SupporterView.class);
        SupporterView page = (SupporterView) getCurrentView();
        assertThat(page.getPageTitle()).isEqualTo("Louis " + duplicate.lastName());
        assertThat(page.getElement().getTextRecursively())
                .contains("Supporter #" + duplicate.id() + " was merged into this supporter.");
    }

    @Test
    void onlyAnAdministratorSeesEraseAndExport() {
        open(create("Mo"));

        assertThat($(Button.class).withText("Erase…").exists()).isFalse();
        assertThat($(Button.class).withText("Export data").exists()).isFalse();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void anAdministratorErasesAfterTypingTheName() {
        PersonDetails person = create("Nia");
        String email = person.emails().getFirst().email();
        open(person);
        assertThat($(Button.class).withText("Export data").exists()).isTrue();

        test($(Button.class).withText("Erase…").single()).click();
        EraseDialog dialog = $(EraseDialog.class).single();
        assertThat(dialog.erase.isEnabled()).isFalse();
        test(dialog.typedName).setValue("Nia " + person.lastName());
        test(dialog.erase).click();

        assertThat(people.findById(person.id()).orElseThrow().erased()).isTrue();
        assertThat(privacy.isErasedEmail(email)).isTrue();
    }

    private SupporterView open(PersonDetails person) {
        return navigate("supporters/" + person.id(), SupporterView.class);
    }

    private PersonDetails create(String firstName) {
        String lastName = "Page" + UUID.randomUUID().toString().substring(0, 8);
        return people.create(new NewPerson(firstName, lastName, List.of(lastName.toLowerCase() + "@example.org"),
                List.of(), PostalAddress.empty(), "ui-test",
                List.of()));
    }
}
