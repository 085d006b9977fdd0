package org.grassroots.crm.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.exports.ExportFixtures.csv;
import static org.grassroots.crm.exports.ExportFixtures.unique;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.grassroots.crm.exports.internal.ExportFileWriter;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.MergeRequest;
import org.grassroots.crm.people.PersonMergeService;
import org.grassroots.crm.people.PersonPrivacyService;
import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who and what an export holds, read back from the rows the built-in CSV writes. */
@SpringBootTest
class ExportRowsTest {

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    ExportDefinitionService definitions;
    @Autowired
    ExportFileWriter files;
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
        signInAs("rows-organizer", Role.ORGANIZER, Role.ADMIN);
        partner = partners.create(new PartnerDraft(unique("Rows Partner"), null, null, null)).id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void onlyActivePeopleWithCurrentConsentForThatPartnerAreEverInTheRows() throws IOException {
        long other = partners.create(new PartnerDraft(unique("Other Partner"), null, null, null)).id();
        long consenting = consenting("Ada");
        long alsoConsenting = consenting("Bea");
        long neverAsked = fixtures.person("Cal", "NoConsent");
        long withdrawn = consenting("Dee");
        consents.withdraw(withdrawn, partner, "asked by phone");
        long erasedProperly = consenting("Eve");
        privacy.erase(erasedProperly);
        long erasedFlagOnly = consenting("Fay");
        fixtures.markErased(erasedFlagOnly);
        long mergedAway = consenting("Gus");
        fixtures.markMerged(mergedAway, fixtures.person("Hal", "MergeTarget"));
        long otherPartnerOnly = fixtures.person("Ivy", "OtherPartner");
        consents.grant(otherPartnerOnly, other, manual());
        long survivor = fixtures.person("Jo", "Survivor");
        long duplicate = consenting("Jo");
        merges.merge(MergeRequest.keepSurvivorValues(survivor, duplicate));

        ExportDefinition everyone = define(ExportSegment.EVERYONE, ExportField.EMAIL, ExportField.FIRST_NAME);
        List<List<String>> rows = csv(files, everyone);

        assertThat(rows.getFirst()).containsExactly("email", "first_name");
        assertThat(rows.subList(1, rows.size())).containsExactlyInAnyOrder(
                List.of(fixtures.emailOf(consenting), "Ada"), List.of(fixtures.emailOf(alsoConsenting), "Bea"),
                List.of(fixtures.emailOf(survivor), "Jo"));
        assertThat(everyone.sizeAtRequest()).isEqualTo(3);
        assertThat(definitions.size(partner, ExportSegment.EVERYONE)).isEqualTo(3);
        // the same people consent to nobody else, and the other partner's export holds only its own consenter
        assertThat(definitions.size(other, ExportSegment.EVERYONE)).isEqualTo(1);
        assertThat(List.of(neverAsked, withdrawn, erasedFlagOnly, mergedAway, otherPartnerOnly)).allSatisfy(id ->
                assertThat(rows.toString()).doesNotContain(fixtures.emailOf(id)));
    }

    @Test
    void segmentConditionsNarrowTheConsentingPeople() {
        String tag = unique("Coalition");
        long petition = fixtures.petition();
        long iowa2024 = consentingPerson("Iowa", "IA", "2024-03-01T12:00:00Z");
        fixtures.tag(iowa2024, tag);
        fixtures.sign(petition, iowa2024, Instant.parse("2024-04-01T00:00:00Z"), false);
        long texas2025 = consentingPerson("Tex", "TX", "2025-06-01T12:00:00Z");
        fixtures.emailStatus(texas2025, "UNSUBSCRIBED");
        long texas2023 = consentingPerson("Old", "TX", "2023-01-01T12:00:00Z");
        fixtures.tag(texas2023, tag);
        long noConsent = fixtures.person("Nope", "Nope", ExportFixtures.uniqueEmail("nope"), "IA", Instant.now());
        fixtures.tag(noConsent, tag);
        fixtures.sign(petition, noConsent, Instant.now(), false);

        assertThat(size(new ExportSegment(Set.of(), Set.of(tag.toUpperCase()), Set.of(), null, null, Set.of())))
                .isEqualTo(2);
        assertThat(size(new ExportSegment(Set.of(), Set.of(), Set.of(UsState.TX), null, null, Set.of())))
                .isEqualTo(2);
        assertThat(size(new ExportSegment(Set.of(petition), Set.of(), Set.of(), null, null, Set.of()))).isEqualTo(1);
        assertThat(size(new ExportSegment(Set.of(), Set.of(tag), Set.of(UsState.TX), null, null, Set.of())))
                .isEqualTo(1);
        assertThat(size(new ExportSegment(Set.of(), Set.of(tag), Set.of(),
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"), Set.of()))).isEqualTo(1);
        // the end day is included
        assertThat(size(new ExportSegment(Set.of(), Set.of(tag), Set.of(), null, LocalDate.parse("2024-03-01"),
                Set.of()))).isEqualTo(2);
        assertThat(size(new ExportSegment(Set.of(), Set.of(), Set.of(UsState.TX), null, null,
                Set.of(SubscriptionStatus.UNSUBSCRIBED)))).isEqualTo(1);
    }

    @Test
    void onlyTheChosenFieldsAppearAndNothingOutsideTheAllowList() throws IOException {
        long person = consenting("Kim");
        String phone = ExportFixtures.uniquePhone();
        fixtures.phone(person, phone);
        String tag = unique("Volunteer");
        fixtures.tag(person, tag);
        fixtures.donorSummary(person, "250.00", 3, LocalDate.parse("2025-05-05"));
        String secondEmail = ExportFixtures.uniqueEmail("second");
        jdbc.sql("INSERT INTO person_email (person_id, email) VALUES (:id, :email)").param("id", person)
                .param("email", secondEmail).update();
        jdbc.sql("INSERT INTO person_note (person_id, author, body) VALUES (:id, 'staff', 'Private note 7731')")
                .param("id", person).update();

        List<List<String>> narrow = csv(files, define(ExportSegment.EVERYONE, ExportField.EMAIL, ExportField.STATE));
        assertThat(narrow).containsExactly(List.of("email", "state"), List.of(fixtures.emailOf(person), "IA"));
        assertThat(narrow.toString()).doesNotContain("Kim", "Des Moines", "Main St", phone, tag, "250");

        List<List<String>> everything = csv(files, define(ExportSegment.EVERYONE, ExportField.values()));
        assertThat(everything.getFirst())
                .containsExactlyElementsOf(Arrays.stream(ExportField.values()).map(ExportField::key).toList());
        // an E.164 number starts with "+", so the CSV neutralises it like any other cell a spreadsheet would run
        assertThat(everything.get(1)).containsExactly("Kim", "Sample", fixtures.emailOf(person), "'" + phone, "1 Main St",
                "Des Moines", "IA", "", tag, LocalDate.now(java.time.ZoneOffset.UTC).toString(),
                LocalDate.now(java.time.ZoneOffset.UTC).toString(), "250.00", "3", "2025-05-05");
        assertThat(everything.toString()).doesNotContain(secondEmail, "Private note 7731");
    }

    private long consenting(String firstName) {
        long person = fixtures.person(firstName, "Sample");
        consents.grant(person, partner, manual());
        return person;
    }

    private long consentingPerson(String firstName, String state, String joinedAt) {
        long person = fixtures.person(firstName, "Segment", ExportFixtures.uniqueEmail(firstName), state,
                Instant.parse(joinedAt));
        consents.grant(person, partner, manual());
        return person;
    }

    private long size(ExportSegment segment) {
        return definitions.size(partner, segment);
    }

    private ExportDefinition define(ExportSegment segment, ExportField... fields) {
        return definitions.create(new ExportDraft(unique("Rows"), partner, segment, List.of(fields), "csv"));
    }


    static ConsentGrant manual() {
        return new ConsentGrant("I agree to share my name and e-mail with this partner.", ConsentSource.manual(),
                null);
    }
}
