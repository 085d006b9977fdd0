package org.grassroots.crm.donations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "fundraiser-test", roles = "FUNDRAISER")
class DonationServiceTest {

    @Autowired
    DonationService donations;

    @Autowired
    JdbcClient jdbc;

    TestPeople people;

    @BeforeEach
    void setUp() {
        people = new TestPeople(jdbc);
    }

    @Test
    void recordsAGiftForTheSupporterWithThatEmailAndAuditsIt() {
        long donorId = people.create("Rosa", "Giver");
        String email = people.emailOf(donorId);

        Donation gift = donations.record(new DonationInput(null, "  " + email.toUpperCase() + " ",
                new BigDecimal("25"), LocalDate.now(), PaymentMethod.CARD, DonationPlatform.ACTBLUE,
                TestPeople.uniqueId("AB"), "  Spring match ", "Acme", "Nurse", null));

        assertThat(gift.personId()).isEqualTo(donorId);
        assertThat(gift.donorName()).isEqualTo("Rosa Giver");
        assertThat(gift.donorEmail()).isEqualTo(email);
        assertThat(gift.amount()).isEqualByComparingTo("25.00");
        assertThat(gift.campaign()).isEqualTo("Spring match");
        assertThat(donations.find(gift.id())).contains(gift);
        assertThat(auditEvents("DONATION_RECORDED", gift.id())).isOne();
    }

    @Test
    void editingAuditsOnlyWhatChangedAndAnUnchangedSaveWritesNothing() {
        long donorId = people.create("Ed", "Itor");
        Donation gift = donations.record(simple(donorId, "40", LocalDate.now(), "Edits"));

        DonationInput changed = new DonationInput(donorId, null, new BigDecimal("45"), gift.receivedOn(),
                gift.method(), gift.platform(), gift.externalId(), gift.campaign(), "Acme", null, null);
        Donation edited = donations.update(gift.id(), changed);
        donations.update(gift.id(), changed);

        assertThat(edited.amount()).isEqualByComparingTo("45");
        assertThat(edited.employer()).isEqualTo("Acme");
        assertThat(auditEvents("DONATION_UPDATED", gift.id())).isOne();
        String details = jdbc.sql("SELECT details::text FROM audit_event WHERE action = 'DONATION_UPDATED' "
                + "AND target_id = :id").param("id", String.valueOf(gift.id())).query(String.class).single();
        assertThat(details).contains("\"amount\"").contains("40.00").contains("45.00").contains("\"employer\"")
                .doesNotContain("\"campaign\"");
    }

    @Test
    void deletingRemovesTheGiftAndAuditsIt() {
        long donorId = people.create("Del", "Ete");
        Donation gift = donations.record(simple(donorId, "10", LocalDate.now(), "Deletes"));

        donations.delete(gift.id());

        assertThat(donations.find(gift.id())).isEmpty();
        assertThat(auditEvents("DONATION_DELETED", gift.id())).isOne();
    }

    @Test
    void pagesNewestFirstByCursorAndBySkipAlike() {
        long donorId = people.create("Page", "Turner");
        String campaign = TestPeople.uniqueId("paging");
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 7; i++) {
            // two gifts per day, so the id decides the order within a day
            donations.record(simple(donorId, String.valueOf(10 + i), today.minusDays(i / 2), campaign));
        }
        DonationFilter filter = new DonationFilter(null, null, campaign, null, null, null, null, null);

        List<Donation> all = donations.list(filter, null, 0, 50);
        List<Donation> byCursor = new ArrayList<>();
        DonationCursor after = null;
        List<Donation> page;
        do {
            page = donations.list(filter, after, 0, 3);
            byCursor.addAll(page);
            after = page.isEmpty() ? null : page.getLast().cursor();
        } while (!page.isEmpty());

        assertThat(all).hasSize(7);
        assertThat(all).isSortedAccordingTo((a, b) -> a.receivedOn().equals(b.receivedOn())
                ? Long.compare(b.id(), a.id()) : b.receivedOn().compareTo(a.receivedOn()));
        assertThat(byCursor).isEqualTo(all);
        assertThat(donations.list(filter, all.get(1).cursor(), 2, 2)).isEqualTo(all.subList(4, 6));
        assertThat(donations.list(filter, null, 5, 10)).isEqualTo(all.subList(5, 7));
    }

    @Test
    void filtersByDatesAmountsPlatformMethodAndPerson() {
        long donorId = people.create("Phil", "Ter");
        long otherId = people.create("Otto", "Ther");
        String campaign = TestPeople.uniqueId("filters");
        LocalDate today = LocalDate.now();
        Donation old = donations.record(simple(donorId, "5", today.minusDays(40), campaign));
        Donation big = donations.record(simple(donorId, "500", today.minusDays(2), campaign));
        Donation byCard = donations.record(new DonationInput(otherId, null, new BigDecimal("50"), today,
                PaymentMethod.CARD, DonationPlatform.STRIPE, null, campaign, null, null, null));

        DonationFilter inCampaign = new DonationFilter(null, null, campaign, null, null, null, null, null);
        assertThat(ids(new DonationFilter(today.minusDays(10), today, campaign, null, null, null, null, null)))
                .containsExactly(byCard.id(), big.id());
        assertThat(ids(new DonationFilter(null, null, campaign, null, null, new BigDecimal("50"),
                new BigDecimal("500"), null))).containsExactly(byCard.id(), big.id());
        assertThat(ids(new DonationFilter(null, null, campaign, DonationPlatform.STRIPE, null, null, null, null)))
                .containsExactly(byCard.id());
        assertThat(ids(new DonationFilter(null, null, campaign, null, PaymentMethod.CHECK, null, null, null)))
                .containsExactly(big.id(), old.id());
        assertThat(ids(inCampaign.forPerson(otherId))).containsExactly(byCard.id());
        assertThat(donations.campaigns()).contains(campaign);
    }

    private List<Long> ids(DonationFilter filter) {
        return donations.list(filter, null, 0, 50).stream().map(Donation::id).toList();
    }

    private static DonationInput simple(long personId, String amount, LocalDate receivedOn, String campaign) {
        return new DonationInput(personId, null, new BigDecimal(amount), receivedOn, PaymentMethod.CHECK,
                DonationPlatform.MANUAL, null, campaign, null, null, null);
    }

    private long auditEvents(String action, long targetId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND target_type = 'donation' "
                + "AND target_id = :id").param("action", action).param("id", String.valueOf(targetId))
                .query(Long.class).single();
    }
}
