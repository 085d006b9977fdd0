package org.grassroots.crm.exports.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.exports.ui.ExportScreenFixtures.unique;

import java.time.LocalDate;
import java.time.ZoneId;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.exports.ConsentEvent;
import org.grassroots.crm.exports.ConsentGrant;
import org.grassroots.crm.exports.ConsentService;
import org.grassroots.crm.exports.ConsentSource;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerDraft;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The "Partner sharing" card on the supporter page: granting, withdrawing, the history, and who may do what. */
@SpringBootTest
class ConsentSectionTest extends SpringBrowserlessTest {

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    JdbcClient jdbc;

    ExportScreenFixtures fixtures;
    Partner partner;
    long personId;

    @BeforeEach
    void seed() {
        fixtures = new ExportScreenFixtures(jdbc);
        partner = TestSecurity.as(Role.ORGANIZER, () -> partners.create(new PartnerDraft(unique("Sierra Allies"),
                null, null, null)));
        personId = fixtures.person("Nadia", unique("Consent"));
    }

    @Test
    @WithMockUser(username = "consent-organizer", roles = "ORGANIZER")
    void anOrganizerRecordsAConsentWithItsNoticeThenWithdrawsItWithANote() {
        ConsentCard card = open();
        assertThat(card.current.getElement().getTextRecursively()).isEqualTo(ConsentCard.NONE);
        assertThat(card.historyDetails.isVisible()).isFalse();

        GrantConsentDialog dialog = openGrantDialog();
        test(dialog.grant).click();
        assertThat(dialog.partner.isInvalid()).isTrue();
        test(dialog.partner).selectItem(partner.name());
        test(dialog.grant).click();
        assertThat(dialog.notice.isInvalid()).as("the notice is required").isTrue();
        assertThat(dialog.notice.getErrorMessage()).startsWith("Enter the notice the supporter agreed to");

        LocalDate agreed = LocalDate.now().minusDays(3);
        test(dialog.notice).setValue("Yes, share my details with Sierra Allies.");
        test(dialog.agreedOn).setValue(agreed);
        test(dialog.grant).click();

        assertThat(dialog.isOpened()).isFalse();
        ConsentCard granted = $(ConsentCard.class).single();
        String shown = granted.current.getElement().getTextRecursively();
        assertThat(shown).contains(partner.name()).contains("since " + ExportWording.DAY.format(
                agreed.atStartOfDay(ZoneId.systemDefault()))).contains("Entered by staff");
        Details notice = $(Details.class, granted.current).single();
        test(notice).openDetails();
        assertThat($(Paragraph.class, notice).single().getText())
                .isEqualTo("Yes, share my details with Sierra Allies.");
        assertThat(granted.historyDetails.getSummaryText()).isEqualTo("History (1)");

        test($(Button.class, granted.current).withText("Withdraw…").single()).click();
        WithdrawConsentDialog withdraw = $(WithdrawConsentDialog.class).single();
        test(withdraw.note).setValue("Asked by phone to stop sharing");
        test(withdraw.withdraw).click();

        ConsentCard after = $(ConsentCard.class).single();
        assertThat(after.current.getElement().getTextRecursively()).isEqualTo(ConsentCard.NONE);
        assertThat(after.getSubtitle().getElement().getTextRecursively()).isEqualTo("Withdrew from 1 partner");
        assertThat(after.historyDetails.getSummaryText()).isEqualTo("History (2)");
        String history = after.history.getElement().getTextRecursively();
        assertThat(history).contains("Withdrew from " + partner.name()).contains("Note: Asked by phone to stop "
                + "sharing").contains("recorded by consent-organizer");
        assertThat(consents.history(personId)).extracting(ConsentEvent::kind)
                .containsExactly(ConsentEvent.Kind.WITHDRAWN, ConsentEvent.Kind.GRANTED);
    }

    @Test
    @WithMockUser(username = "consent-admin", roles = "ADMIN")
    void aGrantDatedBeforeALaterWithdrawalGetsTheServicesMessageBesideTheDate() {
        consents.grant(personId, partner.id(), new ConsentGrant("Share with them", ConsentSource.manual(), null));
        consents.withdraw(personId, partner.id(), null);
        open();

        GrantConsentDialog dialog = openGrantDialog();
        test(dialog.partner).selectItem(partner.name());
        test(dialog.notice).setValue("Share with them");
        test(dialog.agreedOn).setValue(LocalDate.now().minusDays(10));
        test(dialog.grant).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.agreedOn.isInvalid()).isTrue();
        assertThat(dialog.agreedOn.getErrorMessage()).contains("withdrew consent for " + partner.name())
                .contains("only a consent given later can replace the withdrawal");
    }

    @Test
    @WithMockUser(username = "consent-fundraiser", roles = "FUNDRAISER")
    void fundraisersReadConsentsButCannotChangeThem() {
        TestSecurity.as(Role.ORGANIZER, () -> consents.grant(personId, partner.id(),
                new ConsentGrant("Share with them", ConsentSource.manual(), null)));

        ConsentCard card = open();

        assertThat(card.current.getElement().getTextRecursively()).contains(partner.name());
        assertThat($(Button.class, card).withText("Record consent…").exists()).isFalse();
        assertThat($(Button.class, card).withText("Withdraw…").exists()).isFalse();
    }

    @Test
    @WithMockUser(username = "consent-coordinator", roles = "VOLUNTEER_COORDINATOR")
    void volunteerCoordinatorsSeeNoSharingCard() {
        navigate("supporters/" + personId, Component.class);
        assertThat($(ConsentCard.class).exists()).isFalse();
    }

    private ConsentCard open() {
        navigate("supporters/" + personId, Component.class);
        return $(ConsentCard.class).single();
    }

    private GrantConsentDialog openGrantDialog() {
        test($(Button.class).withText("Record consent…").single()).click();
        return $(GrantConsentDialog.class).single();
    }
}
