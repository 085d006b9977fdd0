package org.grassroots.crm.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.exports.ExportApprovalTest.assertInvalid;
import static org.grassroots.crm.exports.ExportFixtures.unique;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.grassroots.crm.people.MergeRequest;
import org.grassroots.crm.people.PersonMergeService;
import org.grassroots.crm.people.PersonPrivacyService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class ConsentServiceTest {

    private static final String NOTICE = "Yes, share my name and e-mail with this coalition partner.";

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    ExportDefinitionService definitions;
    @Autowired
    PersonMergeService merges;
    @Autowired
    PersonPrivacyService privacy;
    @Autowired
    JdbcClient jdbc;

    ExportFixtures fixtures;
    long partner;

    @BeforeEach
    void setUp() {
        fixtures = new ExportFixtures(jdbc);
        signInAs("consent-organizer", Role.ORGANIZER, Role.ADMIN);
        partner = partner("Consent Partner");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aGrantKeepsItsNoticeSourceAndDateAndAWithdrawalIsHistoryNotDeletion() {
        long person = fixtures.person("Lou", "Consent");
        Instant given = Instant.parse("2025-02-03T10:00:00Z");
        PartnerConsent granted = consents.grant(person, partner,
                new ConsentGrant("  " + NOTICE + " ", ConsentSource.imported(42, "share_with_partner"), given));
        assertThat(granted.current()).isTrue();
        assertThat(granted.grantedAt()).isEqualTo(given);

        PartnerConsent withdrawn = consents.withdraw(person, partner, "Replied STOP");
        assertThat(withdrawn.current()).isFalse();
        assertInvalid(() -> consents.grant(person, partner, new ConsentGrant(NOTICE, ConsentSource.manual(), given)),
                "givenAt", "withdrew consent");
        consents.grant(person, partner, new ConsentGrant(NOTICE, ConsentSource.manual(), null));

        List<ConsentEvent> history = consents.history(person);
        assertThat(history).extracting(ConsentEvent::kind).containsExactly(ConsentEvent.Kind.GRANTED,
                ConsentEvent.Kind.WITHDRAWN, ConsentEvent.Kind.GRANTED);
        ConsentEvent first = history.getLast();
        assertThat(first.noticeText()).isEqualTo(NOTICE);
        assertThat(first.source()).isEqualTo(ConsentSource.imported(42, "share_with_partner"));
        assertThat(first.occurredAt()).isEqualTo(given);
        assertThat(first.recordedBy()).isEqualTo("consent-organizer");
        assertThat(history.get(1).note()).isEqualTo("Replied STOP");
        assertThat(history.getFirst().source()).isEqualTo(ConsentSource.manual());
        assertThat(consents.consents(person)).singleElement().satisfies(c -> assertThat(c.current()).isTrue());
        // one notice row however often the same wording is agreed to
        assertThat(fixtures.count("SELECT count(*) FROM consent_notice WHERE text = ?", NOTICE)).isOne();
        assertThat(fixtures.auditActions("person", person)).containsExactly("PARTNER_CONSENT_GRANTED",
                "PARTNER_CONSENT_WITHDRAWN", "PARTNER_CONSENT_GRANTED");
    }

    @Test
    void refusesWhatIsNotAConsentDecision() {
        long person = fixtures.person("Max", "Consent");
        consents.grant(person, partner, ExportRowsTest.manual());

        assertInvalid(() -> consents.grant(person, partner, ExportRowsTest.manual()), "partnerId",
                "already consents");
        long other = fixtures.person("Nia", "Consent");
        assertInvalid(() -> consents.grant(other, partner, new ConsentGrant(NOTICE, ConsentSource.manual(),
                Instant.now().plus(1, ChronoUnit.DAYS))), "givenAt", "future");
        assertInvalid(() -> consents.grant(other, partner, new ConsentGrant(NOTICE,
                ConsentSource.petitionCosponsor(fixtures.petition()), null)), "source", "petition");
        assertInvalid(() -> consents.grant(other, partner, new ConsentGrant(" ", ConsentSource.manual(), null)),
                "noticeText", "word for word");
        assertInvalid(() -> consents.grant(other, -1, ExportRowsTest.manual()), "partnerId", "No partner");
        assertInvalid(() -> consents.withdraw(other, partner, null), "partnerId", "no current consent");
        fixtures.markErased(other);
        assertInvalid(() -> consents.grant(other, partner, ExportRowsTest.manual()), "personId", "erased");
        signInAs("fundraiser", Role.FUNDRAISER);
        assertThatThrownBy(() -> consents.withdraw(person, partner, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(consents.consents(person)).hasSize(1);
    }

    @Test
    void theHistoryIsAppendOnly() {
        long person = fixtures.person("Oz", "Consent");
        consents.grant(person, partner, ExportRowsTest.manual());

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM partner_consent_event WHERE person_id = :id")
                .param("id", person).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE partner_consent_event SET kind = 'WITHDRAWN' WHERE person_id = :id")
                .param("id", person).update()).hasMessageContaining("append-only");
        assertThat(consents.history(person)).hasSize(1);
    }

    @Test
    void aMergeKeepsTheLaterDecisionPerPartnerAndMovesTheHistory() {
        long withdrawnLater = partner("Merge A");
        long grantedLater = partner("Merge B");
        long duplicateOnly = partner("Merge C");
        long survivor = fixtures.person("Pat", "Survivor");
        long duplicate = fixtures.person("Pat", "Duplicate");
        // A: the survivor consented in 2024, the duplicate withdrew today, so the withdrawal stands
        consents.grant(survivor, withdrawnLater, grantAt("2024-01-01T00:00:00Z"));
        consents.grant(duplicate, withdrawnLater, grantAt("2023-01-01T00:00:00Z"));
        consents.withdraw(duplicate, withdrawnLater, null);
        // B: the survivor withdrew, then the duplicate consented again, so the consent stands
        consents.grant(survivor, grantedLater, grantAt("2023-01-01T00:00:00Z"));
        consents.withdraw(survivor, grantedLater, null);
        consents.grant(duplicate, grantedLater, ExportRowsTest.manual());
        // C: only the duplicate decided
        consents.grant(duplicate, duplicateOnly, ExportRowsTest.manual());

        merges.merge(MergeRequest.keepSurvivorValues(survivor, duplicate));

        assertThat(consents.consents(survivor)).extracting(PartnerConsent::partnerId, PartnerConsent::current)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(withdrawnLater, false),
                        org.assertj.core.groups.Tuple.tuple(grantedLater, true),
                        org.assertj.core.groups.Tuple.tuple(duplicateOnly, true));
        assertThat(consents.consents(duplicate)).isEmpty();
        assertThat(consents.history(survivor)).hasSize(7);
        assertThat(consents.history(duplicate)).isEmpty();
        assertThat(definitions.size(withdrawnLater, ExportSegment.EVERYONE)).isZero();
        assertThat(definitions.size(grantedLater, ExportSegment.EVERYONE)).isOne();
        assertThat(definitions.size(duplicateOnly, ExportSegment.EVERYONE)).isOne();
    }

    @Test
    void erasureDeletesTheConsentsAndTheirHistoryAndTheAccessExportListsThem() {
        long person = fixtures.person("Quin", "Consent");
        long other = partner("Erasure Other");
        consents.grant(person, partner, ExportRowsTest.manual());
        consents.withdraw(person, partner, null);
        consents.grant(person, other, ExportRowsTest.manual());

        assertThat(privacy.exportJson(person)).contains("\"partnerConsents\"", "WITHDRAWN",
                "I agree to share my name and e-mail with this partner.");
        privacy.erase(person);

        assertThat(fixtures.count("SELECT count(*) FROM partner_consent WHERE person_id = ?", person)).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM partner_consent_event WHERE person_id = ?", person)).isZero();
        assertThat(definitions.size(other, ExportSegment.EVERYONE)).isZero();
    }

    private long partner(String name) {
        return partners.create(new PartnerDraft(unique(name), null, null, null)).id();
    }

    private static ConsentGrant grantAt(String instant) {
        return new ConsentGrant(NOTICE, ConsentSource.manual(), Instant.parse(instant));
    }
}
