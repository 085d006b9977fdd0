package org.grassroots.crm.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.exports.ExportApprovalTest.assertInvalid;
import static org.grassroots.crm.exports.ExportFixtures.unique;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.internal.ExportProduction;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** Core's formats written through the whole path: request, approval, production. */
@SpringBootTest
class ExportFormatsTest {

    static final MatchKey KEY = MatchKey.of("correct horse battery staple 2025");

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    ExportDefinitionService definitions;
    @Autowired
    ExportApprovalService approvals;
    @Autowired
    ExportProduction production;
    @Autowired
    ExportFormats formats;
    @Autowired
    JdbcClient jdbc;

    ExportFixtures fixtures;
    long partner;

    @BeforeEach
    void setUp() {
        fixtures = new ExportFixtures(jdbc);
        signInAs("formats-organizer", Role.ORGANIZER);
        partner = partners.create(new PartnerDraft(unique("Formats Partner"), null, null, null)).id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreNeutralisedInTheCsv() throws IOException {
        long person = consenting("=HYPERLINK(\"http://evil.example\",\"x\")", "-2+3");
        fixtures.setText(person, "street", "@SUM(A1:A9)");
        fixtures.setText(person, "city", "\tTabbed");
        fixtures.tag(person, "+" + unique("cmd"));
        long plain = consenting("Plain", "Person");
        fixtures.setText(plain, "city", "\rCarriage");

        List<List<String>> rows = ExportFixtures.parse(produce(request("csv", ExportField.FIRST_NAME,
                ExportField.LAST_NAME, ExportField.STREET, ExportField.CITY, ExportField.STATE, ExportField.TAGS),
                null));

        assertThat(rows.get(1).subList(0, 5)).containsExactly("'=HYPERLINK(\"http://evil.example\",\"x\")", "'-2+3",
                "'@SUM(A1:A9)", "'\tTabbed", "IA");
        assertThat(rows.get(1).get(5)).startsWith("'+cmd-");
        assertThat(rows.get(2)).containsExactly("Plain", "Person", "1 Main St", "'\rCarriage", "IA", "");
    }

    @Test
    void theHashedMatchFileHoldsOnlyKeyedHashesOfEmailAndPhone() throws IOException {
        long withPhone = consenting("Hash", "Phone");
        String phone = ExportFixtures.uniquePhone();
        fixtures.phone(withPhone, phone);
        long emailOnly = consenting("Hash", "EmailOnly");
        assertInvalid(() -> request("hashed-match", ExportField.EMAIL, ExportField.FIRST_NAME), "fields",
                "only e-mail and phone");

        ExportDefinition definition = request("hashed-match", ExportField.EMAIL, ExportField.PHONE);
        String file = produce(definition, KEY);

        assertThat(ExportFixtures.parse(file)).containsExactly(List.of("email_hmac", "phone_hmac"),
                List.of(KEY.hashEmail(fixtures.emailOf(withPhone)), KEY.hashPhone(phone)),
                List.of(KEY.hashEmail(fixtures.emailOf(emailOnly)), ""));
        assertThat(file).doesNotContain("@", phone.substring(2), "Hash");
        assertThat(KEY.hashEmail(" " + fixtures.emailOf(withPhone).toUpperCase() + " ")).isEqualTo(KEY.hashEmail(
                fixtures.emailOf(withPhone))).hasSize(64);
        assertThat(KEY.hashPhone("(" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-"
                + phone.substring(8))).isEqualTo(KEY.hashPhone(phone));
        assertThat(MatchKey.of("another key of enough length").hashEmail(fixtures.emailOf(withPhone)))
                .isNotEqualTo(KEY.hashEmail(fixtures.emailOf(withPhone)));
        assertThatThrownBy(() -> production.write(definition.id(), null, new ByteArrayOutputStream()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs the key");
        assertThat(KEY.toString()).doesNotContain("horse");
    }

    @Test
    void theFormatsOnOfferAndAnUnknownOne() {
        assertThat(formats.available()).extracting(ExportFormatInfo::id).startsWith("csv", "xlsx", "hashed-match");
        assertThat(formats.available()).filteredOn(f -> f.id().equals("hashed-match")).singleElement()
                .satisfies(f -> {
                    assertThat(f.needsMatchKey()).isTrue();
                    assertThat(f.opensInSpreadsheets()).isFalse();
                });
        assertInvalid(() -> request("xlsx-nobody-installed", ExportField.EMAIL), "formatId", "available formats");
        assertInvalid(() -> request("csv"), "fields", "at least one field");
        assertInvalid(() -> MatchKey.of("short"), "key", "at least 16 characters");
    }

    private String produce(ExportDefinition definition, MatchKey key) throws IOException {
        signInAs("formats-admin", Role.ADMIN);
        approvals.approve(definition.id());
        signInAs("formats-organizer", Role.ORGANIZER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        production.write(definition.id(), key, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private ExportDefinition request(String format, ExportField... fields) {
        return definitions.create(new ExportDraft(unique("Formats"), partner, ExportSegment.EVERYONE,
                List.of(fields), format));
    }

    private long consenting(String firstName, String lastName) {
        long person = fixtures.person(firstName, lastName);
        consents.grant(person, partner, ExportRowsTest.manual());
        return person;
    }

}
