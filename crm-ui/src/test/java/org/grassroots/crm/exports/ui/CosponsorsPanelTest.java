package org.grassroots.crm.exports.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.exports.ui.ExportScreenFixtures.unique;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.exports.ConsentService;
import org.grassroots.crm.exports.ConsentSourceKind;
import org.grassroots.crm.exports.CosponsorService;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerConsent;
import org.grassroots.crm.exports.PartnerDraft;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** Co-sponsors on a petition's page: naming them, recording the consenting signers' consents, who may do it. */
@SpringBootTest
class CosponsorsPanelTest extends SpringBrowserlessTest {

    @Autowired
    PartnerService partners;
    @Autowired
    CosponsorService cosponsors;
    @Autowired
    ConsentService consents;
    @Autowired
    JdbcClient jdbc;

    ExportScreenFixtures fixtures;
    Partner rivers;
    Partner parks;
    long petitionId;
    long ticked;
    long alsoTicked;
    long unticked;

    @BeforeEach
    void seed() {
        fixtures = new ExportScreenFixtures(jdbc);
        rivers = TestSecurity.as(Role.ORGANIZER, () -> partners.create(new PartnerDraft(unique("A Rivers"), null,
                null, null)));
        parks = TestSecurity.as(Role.ORGANIZER, () -> partners.create(new PartnerDraft(unique("B Parks"), null,
                null, null)));
        petitionId = fixtures.petition(unique("Save the river"));
        ticked = fixtures.person("Tia", unique("Ticked"));
        alsoTicked = fixtures.person("Tom", unique("Ticked"));
        unticked = fixtures.person("Uli", unique("Unticked"));
        fixtures.sign(petitionId, ticked, true);
        fixtures.sign(petitionId, alsoTicked, true);
        fixtures.sign(petitionId, unticked, false);
    }

    @Test
    @WithMockUser(username = "cosponsor-organizer", roles = "ORGANIZER")
    void anOrganizerNamesCoSponsorsAndRecordsTheConsentOfSignersWhoTickedTheBox() {
        CosponsorsPanel panel = open();
        assertThat(panel.names.getText()).isEqualTo(CosponsorsPanel.NONE);
        assertThat(panel.record.isEnabled()).as("nothing to record without co-sponsors").isFalse();

        test(panel.edit).click();
        test(panel.partnerPicker).selectItem(rivers.name(), parks.name());
        test($(Button.class, panel.editor).withText("Save co-sponsors").single()).click();
        assertThat(panel.noticeText.isInvalid()).as("co-sponsors need the notice signers saw").isTrue();
        assertThat(panel.noticeText.getErrorMessage()).startsWith("Enter the notice the supporter agreed to");

        test(panel.noticeText).setValue("Share my details with the co-sponsors.");
        test($(Button.class, panel.editor).withText("Save co-sponsors").single()).click();
        assertThat(panel.editor.isVisible()).isFalse();
        assertThat(panel.names.getText()).contains(rivers.name()).contains(parks.name());
        assertThat(panel.notice.getText()).isEqualTo("Notice: “Share my details with the co-sponsors.”");

        test(panel.record).click();
        assertThat(panel.result.getText()).isEqualTo("Recorded 4 new consents (" + rivers.name() + ": 2, "
                + parks.name() + ": 2).");
        assertThat(consents.consents(ticked)).extracting(PartnerConsent::partnerId)
                .containsExactlyInAnyOrder(rivers.id(), parks.id());
        assertThat(consents.history(ticked)).allSatisfy(event -> {
            assertThat(event.source().kind()).isEqualTo(ConsentSourceKind.PETITION_COSPONSOR);
            assertThat(event.source().petitionId()).isEqualTo(petitionId);
        });
        assertThat(consents.consents(unticked)).isEmpty();

        test(panel.record).click();
        assertThat(panel.result.getText()).startsWith("No new consents");
    }

    @Test
    @WithMockUser(username = "cosponsor-fundraiser", roles = "FUNDRAISER")
    void fundraisersSeeTheCoSponsorsButChangeNothing() {
        TestSecurity.as(Role.ORGANIZER, () -> cosponsors.setCosponsors(petitionId, List.of(rivers.id()),
                "Share with the co-sponsor."));

        CosponsorsPanel panel = open();

        assertThat(panel.names.getText()).contains(rivers.name());
        assertThat($(Button.class, panel).withText("Edit co-sponsors").exists()).isFalse();
        assertThat($(Button.class, panel).withText("Record consent for consenting signers").exists()).isFalse();
    }

    @Test
    @WithMockUser(username = "cosponsor-coordinator", roles = "VOLUNTEER_COORDINATOR")
    void volunteerCoordinatorsSeeNoCoSponsors() {
        navigate("petitions/" + petitionId, Component.class);
        assertThat($(CosponsorsPanel.class).exists()).isFalse();
    }

    private CosponsorsPanel open() {
        navigate("petitions/" + petitionId, Component.class);
        return $(CosponsorsPanel.class).single();
    }
}
