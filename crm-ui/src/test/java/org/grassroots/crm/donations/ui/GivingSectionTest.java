package org.grassroots.crm.donations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.DescriptionList;
import org.grassroots.crm.donations.DonationInput;
import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.DonationService;
import org.grassroots.crm.donations.PaymentMethod;
import org.grassroots.crm.people.ui.SupporterSection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The Giving card shows a donor's figures to fundraisers and admins, and nothing at all to anyone else. */
@SpringBootTest
class GivingSectionTest extends SpringBrowserlessTest {

    @Autowired
    List<SupporterSection> sections;

    @Autowired
    DonationService donations;

    @Autowired
    JdbcClient jdbc;

    @Test
    @WithMockUser(username = "fundraiser-test", roles = "FUNDRAISER")
    void fundraisersSeeTheDonorsFigures() {
        long donorId = new UiTestPeople(jdbc).create("Gina", "Giving", UiTestPeople.uniqueEmail("giving"));
        donations.record(new DonationInput(donorId, null, new BigDecimal("120"), LocalDate.now(), PaymentMethod.CARD,
                DonationPlatform.ACTBLUE, null, null, null, null, null));
        donations.record(new DonationInput(donorId, null, new BigDecimal("100"), LocalDate.now(), PaymentMethod.CARD,
                DonationPlatform.ACTBLUE, null, null, null, null, null));

        Component card = giving().sectionFor(donorId).orElseThrow();

        String text = $(DescriptionList.class, card).single().getElement().getTextRecursively();
        assertThat(text).contains("$220.00 in 2 gifts").contains("$120.00").contains("Not on file")
                .contains("No active plan");
        assertThat(card.getElement().getTextRecursively()).contains("ask for employer and occupation");
    }

    @Test
    @WithMockUser(username = "coordinator-test", roles = "VOLUNTEER_COORDINATOR")
    void volunteerCoordinatorsSeeNoCard() {
        assertThat(giving().sectionFor(1)).isEmpty();
    }

    @Test
    @WithMockUser(username = "organizer-test", roles = "ORGANIZER")
    void organizersSeeNoCard() {
        assertThat(giving().sectionFor(1)).isEmpty();
    }

    private SupporterSection giving() {
        return sections.stream().filter(GivingSection.class::isInstance).findFirst().orElseThrow();
    }
}
