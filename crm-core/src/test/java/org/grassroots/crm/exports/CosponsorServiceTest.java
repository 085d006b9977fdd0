package org.grassroots.crm.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.exports.ExportApprovalTest.assertInvalid;
import static org.grassroots.crm.exports.ExportFixtures.unique;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class CosponsorServiceTest {

    private static final String NOTICE = "Share my details with the co-sponsors of this petition.";

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    CosponsorService cosponsors;
    @Autowired
    ExportDefinitionService definitions;
    @Autowired
    PetitionService petitions;
    @Autowired
    JdbcClient jdbc;

    ExportFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ExportFixtures(jdbc);
        signInAs("cosponsor-organizer", Role.ORGANIZER);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void consentingSignersGetAConsentForEachCosponsorAttributedToThePetition() {
        long petition = fixtures.petition();
        long sierra = partner("Sierra");
        long union = partner("Union");
        assertThat(cosponsors.setCosponsors(petition, List.of(sierra, union, sierra), NOTICE))
                .extracting(Cosponsor::partnerId).containsExactlyInAnyOrder(sierra, union);
        Instant signedAt = Instant.parse("2025-05-01T09:30:00Z");
        long ticked = signer(petition, signedAt, true);
        long alsoTicked = signer(petition, signedAt, true);
        long notTicked = signer(petition, signedAt, false);
        long erased = signer(petition, signedAt, true);
        fixtures.markErased(erased);
        long mergedAway = signer(petition, signedAt, true);
        fixtures.markMerged(mergedAway, fixtures.person("Survivor", "Cosponsor"));
        long withdrewAfterSigning = signer(petition, signedAt, true);
        consents.grant(withdrewAfterSigning, sierra, new ConsentGrant("Paper form", ConsentSource.manual(),
                Instant.parse("2025-01-01T00:00:00Z")));
        consents.withdraw(withdrewAfterSigning, sierra, null);

        CosponsorConsents recorded = cosponsors.recordConsents(petition);

        assertThat(recorded.grantedByPartner()).isEqualTo(Map.of(sierra, 2L, union, 3L));
        assertThat(definitions.size(sierra, ExportSegment.EVERYONE)).isEqualTo(2);
        assertThat(definitions.size(union, ExportSegment.EVERYONE)).isEqualTo(3);
        assertThat(consents.history(ticked)).hasSize(2).allSatisfy(event -> {
            assertThat(event.source()).isEqualTo(ConsentSource.petitionCosponsor(petition));
            assertThat(event.occurredAt()).isEqualTo(signedAt);
            assertThat(event.noticeText()).isEqualTo(NOTICE);
            assertThat(event.recordedBy()).isEqualTo("cosponsor-organizer");
        });
        assertThat(consents.history(alsoTicked)).hasSize(2);
        assertThat(consents.history(notTicked)).isEmpty();
        assertThat(consents.history(erased)).isEmpty();
        assertThat(consents.history(mergedAway)).isEmpty();
        assertThat(consents.consents(withdrewAfterSigning)).extracting(PartnerConsent::partnerId,
                PartnerConsent::current).containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(sierra, false),
                org.assertj.core.groups.Tuple.tuple(union, true));

        assertThat(cosponsors.recordConsents(petition).total()).isZero();
        signer(petition, Instant.now(), true);
        assertThat(cosponsors.recordConsents(petition).grantedByPartner()).isEqualTo(Map.of(sierra, 1L, union, 1L));
        assertThat(fixtures.auditActions("petition", petition)).containsExactly("PETITION_COSPONSORS_CHANGED",
                "COSPONSOR_CONSENTS_RECORDED", "COSPONSOR_CONSENTS_RECORDED", "COSPONSOR_CONSENTS_RECORDED");
    }

    @Test
    void aPaperSignatureWithTheBoxTickedConsentsToEachCosponsorAtOnce() {
        long petition = fixtures.petition();
        long sierra = partner("Sierra");
        long union = partner("Union");
        cosponsors.setCosponsors(petition, List.of(sierra, union), NOTICE);
        long ticked = fixtures.person("Paper", unique("Ticked"));
        long unticked = fixtures.person("Paper", unique("Unticked"));

        petitions.sign(petition, ticked, null, null, true);
        petitions.sign(petition, unticked, null, null, false);

        assertThat(consents.consents(ticked)).extracting(PartnerConsent::partnerId)
                .containsExactlyInAnyOrder(sierra, union);
        assertThat(consents.history(ticked)).allSatisfy(event -> {
            assertThat(event.source()).isEqualTo(ConsentSource.petitionCosponsor(petition));
            assertThat(event.noticeText()).isEqualTo(NOTICE);
        });
        assertThat(consents.consents(unticked)).isEmpty();

        long withoutCosponsors = fixtures.petition();
        long signer = fixtures.person("Paper", unique("NoCosponsors"));
        petitions.sign(withoutCosponsors, signer, null, null, true);
        assertThat(consents.consents(signer)).isEmpty();
        assertThat(jdbc.sql("SELECT cosponsor_consent FROM signature WHERE petition_id = ? AND person_id = ?")
                .params(withoutCosponsors, signer).query(Boolean.class).single()).isTrue();
    }

    @Test
    void cosponsorsAreReplacedAndChecked() {
        long petition = fixtures.petition();
        long first = partner("First");
        long second = partner("Second");
        cosponsors.setCosponsors(petition, List.of(first), NOTICE);

        assertThat(cosponsors.setCosponsors(petition, List.of(second), NOTICE + " Updated."))
                .singleElement().satisfies(c -> {
                    assertThat(c.partnerId()).isEqualTo(second);
                    assertThat(c.noticeText()).isEqualTo(NOTICE + " Updated.");
                });
        assertInvalid(() -> cosponsors.setCosponsors(petition, List.of(second, -5L), NOTICE), "partnerId",
                "No partner with id -5");
        assertInvalid(() -> cosponsors.setCosponsors(petition, List.of(first), ""), "noticeText", "word for word");
        assertInvalid(() -> cosponsors.recordConsents(-1), "petitionId", "No petition");
        assertThat(cosponsors.setCosponsors(petition, List.of(), "")).isEmpty();
    }

    private long signer(long petition, Instant signedAt, boolean ticked) {
        long person = fixtures.person("Signer", unique("Cosponsor"));
        fixtures.sign(petition, person, signedAt, ticked);
        return person;
    }

    private long partner(String name) {
        return partners.create(new PartnerDraft(unique(name), null, null, null)).id();
    }
}
