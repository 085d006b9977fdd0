package org.grassroots.crm.donations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.grassroots.crm.donations.Donation;
import org.grassroots.crm.donations.DonationFilter;
import org.grassroots.crm.donations.DonationInput;
import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.DonationService;
import org.grassroots.crm.donations.PaymentMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "fundraiser-test", roles = "FUNDRAISER")
class DonationsViewTest extends SpringBrowserlessTest {

    @Autowired
    DonationService donations;

    @Autowired
    JdbcClient jdbc;

    UiTestPeople people;
    String email;
    long donorId;

    @BeforeEach
    void donor() {
        people = new UiTestPeople(jdbc);
        email = UiTestPeople.uniqueEmail("dialog");
        donorId = people.create("Dina", "Dialog", email);
    }

    @Test
    void addsADonationThroughTheDialog() {
        openGiftsOf(donorId);
        Dialog dialog = openAddDialog();
        test($(EmailField.class, dialog).withCaption("Donor email").single()).setValue(email);
        test($(BigDecimalField.class, dialog).withCaption("Amount").single()).setValue(new BigDecimal("25"));
        test($(Select.class, dialog).withCaption("Method").single()).selectItem("Card");
        test($(Select.class, dialog).withCaption("Platform").single()).selectItem("ActBlue");
        String externalId = "AB-" + UUID.randomUUID();
        test($(TextField.class, dialog).withCaption("Platform id").single()).setValue(externalId);
        test($(TextField.class, dialog).withCaption("Employer").single()).setValue("City Library");

        test($(Button.class, dialog).withText("Add donation").single()).click();

        Donation saved = donations.list(DonationFilter.none().forPerson(donorId), null, 0, 10).getFirst();
        assertThat(saved.amount()).isEqualByComparingTo("25.00");
        assertThat(saved.method()).isEqualTo(PaymentMethod.CARD);
        assertThat(saved.platform()).isEqualTo(DonationPlatform.ACTBLUE);
        assertThat(saved.externalId()).isEqualTo(externalId);
        assertThat(saved.employer()).isEqualTo("City Library");
        assertThat(saved.receivedOn()).isEqualTo(LocalDate.now());
        assertThat(dialog.isOpened()).isFalse();
        var grid = test($(Grid.class).single());
        assertThat(grid.size()).isOne();
        assertThat(grid.getCellText(0, 2)).isEqualTo("$25.00");
    }

    @Test
    void anInvalidAmountShowsAFieldErrorAndSavesNothing() {
        navigate(DonationsView.class);
        Dialog dialog = openAddDialog();
        test($(EmailField.class, dialog).withCaption("Donor email").single()).setValue(email);
        BigDecimalField amount = $(BigDecimalField.class, dialog).withCaption("Amount").single();
        test(amount).setValue(new BigDecimal("-5"));
        test($(Select.class, dialog).withCaption("Method").single()).selectItem("Check");

        test($(Button.class, dialog).withText("Add donation").single()).click();

        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).isEqualTo("The amount must be more than zero.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(people.donationsOf(donorId)).isZero();
    }

    @Test
    void aPlatformIdAlreadyRecordedIsShownOnItsField() {
        String externalId = "AB-" + UUID.randomUUID();
        donations.record(new DonationInput(donorId, null, new BigDecimal("10"), LocalDate.now(), PaymentMethod.CARD,
                DonationPlatform.ACTBLUE, externalId, null, null, null, null));
        navigate(DonationsView.class);
        Dialog dialog = openAddDialog();
        test($(EmailField.class, dialog).withCaption("Donor email").single()).setValue(email);
        test($(BigDecimalField.class, dialog).withCaption("Amount").single()).setValue(new BigDecimal("10"));
        test($(Select.class, dialog).withCaption("Method").single()).selectItem("Card");
        test($(Select.class, dialog).withCaption("Platform").single()).selectItem("ActBlue");
        TextField platformId = $(TextField.class, dialog).withCaption("Platform id").single();
        test(platformId).setValue(externalId);

        test($(Button.class, dialog).withText("Add donation").single()).click();

        assertThat(platformId.isInvalid()).isTrue();
        assertThat(platformId.getErrorMessage())
                .isEqualTo("This ActBlue donation (id " + externalId + ") is already recorded.");
        assertThat(people.donationsOf(donorId)).isOne();
    }

    @Test
    void editsAGiftFromTheGrid() {
        Donation gift = donations.record(new DonationInput(donorId, null, new BigDecimal("30"), LocalDate.now(),
                PaymentMethod.CHECK, DonationPlatform.MANUAL, null, "Spring match", null, null, null));
        openGiftsOf(donorId);
        Grid<?> grid = $(Grid.class).single();
        test(grid).invokeLitRendererFunction(0, grid.getColumns().size() - 1, "edit");
        Dialog dialog = $(Dialog.class).single();
        test($(BigDecimalField.class, dialog).withCaption("Amount").single()).setValue(new BigDecimal("35"));

        test($(Button.class, dialog).withText("Save changes").single()).click();

        assertThat(donations.find(gift.id()).orElseThrow().amount()).isEqualByComparingTo("35");
        assertThat(donations.find(gift.id()).orElseThrow().personId()).isEqualTo(donorId);
    }

    /** The list as the supporter page's "All gifts" link opens it: {@code donations?person=<id>}. */
    private void openGiftsOf(long personId) {
        UI.getCurrent().navigate(DonationsView.class,
                QueryParameters.of(DonationsView.PERSON_PARAMETER, String.valueOf(personId)));
        assertThat(getCurrentView()).isInstanceOf(DonationsView.class);
    }

    private Dialog openAddDialog() {
        test($view(Button.class).withText("Add donation").single()).click();
        return $(Dialog.class).single();
    }
}
