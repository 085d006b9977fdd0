package org.grassroots.crm.donations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** Who must be asked for employer and occupation: more than $200 this cycle and neither known from one gift. */
@SpringBootTest
@WithMockUser(username = "fundraiser-test", roles = "FUNDRAISER")
class FecFollowUpTest {

    @Autowired
    DonationService donations;

    @Autowired
    DonorService donors;

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsDonorsPastTwoHundredDollarsThisCycleWithoutEmployerAndOccupation() {
        TestPeople people = new TestPeople(jdbc);
        LocalDate today = LocalDate.now();
        LocalDate lastCycle = ElectionCycle.containing(today).start().minusDays(1);

        long over = people.create("Over", "Threshold");
        give(over, "150", today, null, null);
        give(over, "51", today, null, null);
        long exactly = people.create("Exactly", "Twohundred");
        give(exactly, "200", today, null, null);
        long known = people.create("Known", "Employer");
        give(known, "500", today, "Acme", "Engineer");
        long employerOnly = people.create("Employer", "Only");
        give(employerOnly, "201", today, "Acme", null);
        long answeredLater = people.create("Answered", "Later");
        give(answeredLater, "300", today.minusDays(1), null, null);
        give(answeredLater, "5", today, "Library", "Librarian");
        long lastCycleDonor = people.create("Last", "Cycle");
        give(lastCycleDonor, "900", lastCycle, null, null);
        give(lastCycleDonor, "100", today, null, null);

        List<FecFollowUpDonor> list = everyone();
        List<Long> listed = list.stream().map(FecFollowUpDonor::personId).toList();

        assertThat(listed).contains(over, employerOnly)
                .doesNotContain(exactly, known, answeredLater, lastCycleDonor);
        FecFollowUpDonor overRow = list.stream().filter(row -> row.personId() == over).findFirst().orElseThrow();
        assertThat(overRow.name()).isEqualTo("Over Threshold");
        assertThat(overRow.email()).isEqualTo(people.emailOf(over));
        assertThat(overRow.cycleTotal()).isEqualByComparingTo("201");
        assertThat(overRow.cycleCount()).isEqualTo(2);
        assertThat(list).isSortedAccordingTo((a, b) -> b.cycleTotal().compareTo(a.cycleTotal()));
        assertThat(donors.fecFollowUpCount()).isEqualTo(list.size());
    }

    @Test
    void aDonorLeavesTheListOnceEmployerAndOccupationAreRecorded() {
        TestPeople people = new TestPeople(jdbc);
        long donorId = people.create("Soon", "Complete");
        Donation gift = give(donorId, "250", LocalDate.now(), null, null);
        assertThat(everyone()).extracting(FecFollowUpDonor::personId).contains(donorId);

        donations.update(gift.id(), new DonationInput(donorId, null, gift.amount(), gift.receivedOn(), gift.method(),
                gift.platform(), null, null, "City Hospital", "Nurse", null));

        assertThat(everyone()).extracting(FecFollowUpDonor::personId).doesNotContain(donorId);
    }

    private List<FecFollowUpDonor> everyone() {
        List<FecFollowUpDonor> all = new ArrayList<>();
        List<FecFollowUpDonor> page;
        do {
            page = donors.fecFollowUp(all.size(), 100);
            all.addAll(page);
        } while (page.size() == 100);
        return all;
    }

    private Donation give(long personId, String amount, LocalDate receivedOn, String employer, String occupation) {
        return donations.record(new DonationInput(personId, null, new BigDecimal(amount), receivedOn,
                PaymentMethod.CARD, DonationPlatform.ACTBLUE, TestPeople.uniqueId("AB"), null, employer, occupation,
                null));
    }
}
