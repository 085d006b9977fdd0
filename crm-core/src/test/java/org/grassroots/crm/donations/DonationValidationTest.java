package org.grassroots.crm.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.grassroots.crm.common.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** Each refused gift names its field, explains itself, and leaves no donation, summary or audit event behind. */
@SpringBootTest
@WithMockUser(username = "fundraiser-test", roles = "FUNDRAISER")
class DonationValidationTest {

    @Autowired
    DonationService donations;

    @Autowired
    JdbcClient jdbc;

    TestPeople people;
    long donorId;
    String donorEmail;

    @BeforeEach
    void donor() {
        people = new TestPeople(jdbc);
        donorId = people.create("Valerie", "Check");
        donorEmail = people.emailOf(donorId);
    }

    @Test
    void zeroAndNegativeAmountsAreRefused() {
        assertRefused(gift("0.00"), "amount", "more than zero");
        assertRefused(gift("-5"), "amount", "more than zero");
    }

    @Test
    void fractionsOfACentAreRefused() {
        assertRefused(gift("10.005"), "amount", "two decimals");
    }

    @Test
    void trailingZerosBeyondCentsAreAccepted() {
        Donation recorded = donations.record(input(donorEmail, new BigDecimal("10.500"), LocalDate.now(),
                DonationPlatform.MANUAL, null));
        assertThat(recorded.amount()).isEqualByComparingTo("10.50");
    }

    @Test
    void tenMillionDollarsOrMoreIsRefused() {
        assertRefused(gift("10000000"), "amount", "less than $10,000,000");
    }

    @Test
    void aMissingAmountIsRefused() {
        assertRefused(input(donorEmail, null, LocalDate.now(), DonationPlatform.MANUAL, null), "amount", "amount");
    }

    @Test
    void aFutureDateIsRefused() {
        assertRefused(input(donorEmail, new BigDecimal("25"), LocalDate.now().plusDays(2), DonationPlatform.MANUAL,
                null), "receivedOn", "future");
    }

    @Test
    void aMissingMethodIsRefused() {
        var noMethod = new DonationInput(null, donorEmail, new BigDecimal("25"), LocalDate.now(), null,
                DonationPlatform.MANUAL, null, null, null, null, null);
        assertRefused(noMethod, "method", "how the money came in");
    }

    @Test
    void anUnknownEmailIsRefusedOnTheEmailField() {
        String stranger = TestPeople.uniqueEmail("stranger");
        assertThatThrownBy(() -> donations.record(input(stranger, new BigDecimal("25"), LocalDate.now(),
                DonationPlatform.ACTBLUE, TestPeople.uniqueId("AB"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.getMessage()).contains(stranger).contains("Add them as a supporter first");
                });
    }

    @Test
    void anUnknownPersonIdIsRefusedOnThePersonField() {
        var input = new DonationInput(Long.MAX_VALUE, null, new BigDecimal("25"), LocalDate.now(),
                PaymentMethod.CARD, DonationPlatform.STRIPE, null, null, null, null, null);
        assertThatThrownBy(() -> donations.record(input)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("personId"));
    }

    @Test
    void erasedAndMergedDonorsAreRefused() {
        long erased = people.create("Erin", "Erased");
        String erasedEmail = people.emailOf(erased);
        people.markErased(erased);
        assertRefused(input(erasedEmail, new BigDecimal("25"), LocalDate.now(), DonationPlatform.MANUAL, null),
                "email", "erased");

        long duplicate = people.create("Dupe", "Licate");
        String duplicateEmail = people.emailOf(duplicate);
        people.markMerged(duplicate, donorId);
        assertRefused(input(duplicateEmail, new BigDecimal("25"), LocalDate.now(), DonationPlatform.MANUAL, null),
                "email", "merged into supporter #" + donorId);
        assertThat(count("SELECT count(*) FROM donation WHERE person_id IN (:a, :b)", erased, duplicate)).isZero();
    }

    @Test
    void aPlatformIdIsRecordedOnceButMayRepeatOnAnotherPlatform() {
        String externalId = TestPeople.uniqueId("AB");
        donations.record(input(donorEmail, new BigDecimal("25"), LocalDate.now(), DonationPlatform.ACTBLUE,
                externalId));

        assertThatThrownBy(() -> donations.record(input(donorEmail, new BigDecimal("30"), LocalDate.now(),
                DonationPlatform.ACTBLUE, externalId)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("externalId");
                    assertThat(e.getMessage())
                            .isEqualTo("This ActBlue donation (id " + externalId + ") is already recorded.");
                });
        assertThat(count("SELECT count(*) FROM donation WHERE external_id = :a AND source_platform = 'ACTBLUE'",
                externalId, null)).isOne();

        donations.record(input(donorEmail, new BigDecimal("30"), LocalDate.now(), DonationPlatform.STRIPE,
                externalId));
        assertThat(count("SELECT count(*) FROM donation WHERE external_id = :a", externalId, null)).isEqualTo(2);
    }

    private DonationInput gift(String amount) {
        return input(donorEmail, new BigDecimal(amount), LocalDate.now(), DonationPlatform.MANUAL, null);
    }

    private static DonationInput input(String email, BigDecimal amount, LocalDate receivedOn,
            DonationPlatform platform, String externalId) {
        return new DonationInput(null, email, amount, receivedOn, PaymentMethod.CHECK, platform, externalId,
                "Validation", null, null, null);
    }

    private void assertRefused(DonationInput input, String field, String messagePart) {
        long auditBefore = count("SELECT count(*) FROM audit_event WHERE action = 'DONATION_RECORDED'", null, null);
        assertThatThrownBy(() -> donations.record(input)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(messagePart);
        });
        assertThat(count("SELECT count(*) FROM donation WHERE person_id = :a", donorId, null)).isZero();
        assertThat(count("SELECT count(*) FROM donor_summary WHERE person_id = :a", donorId, null)).isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'DONATION_RECORDED'", null, null))
                .isEqualTo(auditBefore);
    }

    private long count(String sql, Object a, Object b) {
        var statement = jdbc.sql(sql);
        if (a != null) {
            statement = statement.param("a", a);
        }
        if (b != null) {
            statement = statement.param("b", b);
        }
        return statement.query(Long.class).single();
    }
}
