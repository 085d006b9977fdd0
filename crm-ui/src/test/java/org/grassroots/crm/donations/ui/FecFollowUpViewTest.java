package org.grassroots.crm.donations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import org.grassroots.crm.donations.DonationInput;
import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.DonationService;
import org.grassroots.crm.donations.FecFollowUpDonor;
import org.grassroots.crm.donations.PaymentMethod;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "fundraiser-test", roles = "FUNDRAISER")
class FecFollowUpViewTest extends SpringBrowserlessTest {

    @Autowired
    DonationService donations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsADonorPastTwoHundredDollarsWithALinkToTheirSupporterPage() {
        String email = UiTestPeople.uniqueEmail("fec");
        long donorId = new UiTestPeople(jdbc).create("Felix", "Follow", email);
        donations.record(new DonationInput(donorId, null, new BigDecimal("250"), LocalDate.now(), PaymentMethod.CARD,
                DonationPlatform.MANUAL, null, null, null, null, null));

        navigate(FecFollowUpView.class);

        @SuppressWarnings("unchecked")
        var grid = test((Grid<FecFollowUpDonor>) $(Grid.class).single());
        int row = IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).personId() == donorId).findFirst()
                .orElseThrow(() -> new AssertionError("the donor is not listed"));
        assertThat(grid.getCellText(row, 1)).isEqualTo(email);
        assertThat(grid.getCellText(row, 2)).isEqualTo("$250.00");
        assertThat(grid.getLitRendererPropertyValue(row, 0, "name", String.class)).isEqualTo("Felix Follow");
        assertThat(grid.getLitRendererPropertyValue(row, 0, "id", Long.class)).isEqualTo(donorId);
    }
}
