package org.grassroots.crm.exports.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.exports.ui.ExportScreenFixtures.unique;
import static org.grassroots.crm.exports.ui.ExportScreenFixtures.unproxied;

import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerDraft;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.TestSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** The Partners screen without a browser: who may add and edit, and the messages a bad entry gets. */
@SpringBootTest
class PartnersViewTest extends SpringBrowserlessTest {

    @Autowired
    PartnerService partners;

    @Test
    @WithMockUser(username = "partners-organizer", roles = "ORGANIZER")
    void anOrganizerAddsAPartnerAndEachBadEntryIsNamedBesideItsField() {
        String name = unique("Clean Rivers Coalition");
        PartnersView view = unproxied(navigate(PartnersView.class));
        assertThat(view.grid.getEmptyStateText()).isEqualTo(PartnersView.EMPTY_EDITOR);

        test($view(Button.class).withText("New partner").single()).click();
        PartnerDialog dialog = $(PartnerDialog.class).single();
        test(dialog.save).click();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Enter the partner's name.");

        test(dialog.name).setValue(name);
        test(dialog.contactEmail).setValue("maria at rivers");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.contactEmail.isInvalid()).isTrue();
        assertThat(dialog.contactEmail.getErrorMessage()).startsWith("Enter the contact's e-mail address like");

        test(dialog.contactName).setValue("Maria Lopez");
        test(dialog.contactEmail).setValue("Maria@Rivers.example.org");
        test(dialog.notes).setValue("Shares petitions about the Des Moines river.");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        Partner saved = rowNamed(view.grid, name);
        assertThat(saved.contactName()).isEqualTo("Maria Lopez");
        assertThat(saved.contactEmail()).isEqualTo("maria@rivers.example.org");
        assertThat(saved.createdBy()).isEqualTo("partners-organizer");

        test($view(Button.class).withText("New partner").single()).click();
        PartnerDialog again = $(PartnerDialog.class).last();
        test(again.name).setValue(name.toUpperCase());
        test(again.save).click();
        assertThat(again.name.isInvalid()).isTrue();
        assertThat(again.name.getErrorMessage()).isEqualTo("There is already a partner called “" + name + "”.");
    }

    @Test
    @WithMockUser(username = "partners-admin", roles = "ADMIN")
    void clickingAPartnerOpensItForEditing() {
        Partner partner = partners.create(new PartnerDraft(unique("Bike Iowa"), "Sam", null, null));
        PartnersView view = unproxied(navigate(PartnersView.class));

        test(view.grid).clickRow(indexOf(view.grid, partner.name()));
        PartnerDialog dialog = $(PartnerDialog.class).single();
        assertThat(dialog.name.getValue()).isEqualTo(partner.name());
        assertThat(dialog.contactName.getValue()).isEqualTo("Sam");
        test(dialog.notes).setValue("Agreement signed in March.");
        test(dialog.save).click();

        assertThat(partners.find(partner.id()).orElseThrow().notes()).isEqualTo("Agreement signed in March.");
        assertThat(rowNamed(view.grid, partner.name()).notes()).isEqualTo("Agreement signed in March.");
    }

    @Test
    @WithMockUser(username = "partners-fundraiser", roles = "FUNDRAISER")
    void fundraisersReadPartnersButCannotAddOrEditThem() {
        String name = unique("Read Only Allies");
        TestSecurity.as(Role.ORGANIZER, () -> partners.create(new PartnerDraft(name, null, null, null)));

        PartnersView view = unproxied(navigate(PartnersView.class));

        assertThat($view(Button.class).withText("New partner").exists()).isFalse();
        assertThat(view.grid.getEmptyStateText()).isEqualTo(PartnersView.EMPTY_READER);
        test(view.grid).clickRow(indexOf(view.grid, name));
        assertThat($(PartnerDialog.class).exists()).as("no edit dialog for a fundraiser").isFalse();
    }

    private int indexOf(Grid<Partner> grid, String name) {
        var rows = test(grid);
        return IntStream.range(0, rows.size()).filter(i -> rows.getRow(i).name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name));
    }

    private Partner rowNamed(Grid<Partner> grid, String name) {
        return test(grid).getRow(indexOf(grid, name));
    }
}
