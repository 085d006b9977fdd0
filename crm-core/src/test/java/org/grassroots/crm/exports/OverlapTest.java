package org.grassroots.crm.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.TestSecurity.signInAs;
import static org.grassroots.crm.exports.ExportApprovalTest.assertInvalid;
import static org.grassroots.crm.exports.ExportFixtures.unique;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.crm.exports.internal.ExportProduction;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** The overlap of our supporters with a partner's hashed list: exact counts over seeded lists, and bad files. */
@SpringBootTest
class OverlapTest {

    static final MatchKey KEY = ExportFormatsTest.KEY;

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    OverlapService overlap;
    @Autowired
    ExportDefinitionService definitions;
    @Autowired
    ExportApprovalService approvals;
    @Autowired
    ExportProduction production;
    @Autowired
    JdbcClient jdbc;

    ExportFixtures fixtures;
    long partner;

    @BeforeEach
    void setUp() {
        fixtures = new ExportFixtures(jdbc);
        signInAs("overlap-organizer", Role.ORGANIZER);
        partner = partners.create(new PartnerDraft(unique("Overlap Partner"), null, null, null)).id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void countsExactlyTheSupportersBothListsShare() throws IOException {
        long byEmail = fixtures.person("Uma", "Shared");
        long byEmailAndPhone = fixtures.person("Val", "Shared");
        String valPhone = ExportFixtures.uniquePhone();
        fixtures.phone(byEmailAndPhone, valPhone);
        long byPhoneOnly = fixtures.person("Wes", "Shared");
        String wesPhone = ExportFixtures.uniquePhone();
        fixtures.phone(byPhoneOnly, wesPhone);
        long ourOnly = fixtures.person("Xia", "Ours");
        long erased = fixtures.person("Yul", "Erased");
        fixtures.markErased(erased);
        consents.grant(byEmailAndPhone, partner, ExportRowsTest.manual());
        consents.grant(ourOnly, partner, ExportRowsTest.manual());

        List<String> lines = new ArrayList<>(List.of("email_hmac,phone_hmac"));
        lines.add(KEY.hashEmail("  " + fixtures.emailOf(byEmail).toUpperCase() + " ") + ",");
        lines.add(KEY.hashEmail(fixtures.emailOf(byEmailAndPhone)) + "," + KEY.hashPhone(valPhone));
        lines.add("," + KEY.hashPhone("(" + wesPhone.substring(2, 5) + ") " + wesPhone.substring(5)));
        lines.add(KEY.hashEmail(fixtures.emailOf(erased)) + ",");
        for (int i = 0; i < 5; i++) {
            lines.add(KEY.hashEmail(ExportFixtures.uniqueEmail("theirs")) + "," + KEY.hashPhone(
                    ExportFixtures.uniquePhone()));
        }

        OverlapReport report = overlap.overlap(partner, file(lines), "partner-list.csv", KEY, 10);

        assertThat(report.partnerRows()).isEqualTo(9);
        assertThat(report.shared()).isEqualTo(3);
        assertThat(report.sharedWithConsent()).isEqualTo(1);
        assertThat(report.consenting()).singleElement().satisfies(match -> {
            assertThat(match.personId()).isEqualTo(byEmailAndPhone);
            assertThat(match.firstName()).isEqualTo("Val");
            assertThat(match.email()).isEqualTo(fixtures.emailOf(byEmailAndPhone));
        });
        assertThat(overlap.overlap(partner, file(lines), "partner-list.csv", KEY, 0).consenting()).isEmpty();
        OverlapReport wrongKey = overlap.overlap(partner, file(lines), "partner-list.csv",
                MatchKey.of("a key the partner never agreed to"), 10);
        assertThat(wrongKey.shared()).isZero();
        String audited = jdbc.sql("""
                SELECT details::text FROM audit_event WHERE action = 'PARTNER_OVERLAP_CALCULATED'
                  AND target_id = :id ORDER BY id LIMIT 1""").param("id", String.valueOf(partner))
                .query(String.class).single();
        assertThat(audited).contains("\"shared\": 3", "\"partnerRows\": 9").doesNotContain(lines.get(1));
    }

    @Test
    void ourOwnHashedExportMatchesEveryoneInIt() throws IOException {
        for (String name : List.of("Zed", "Amy", "Bo")) {
            long person = fixtures.person(name, "RoundTrip");
            fixtures.phone(person, ExportFixtures.uniquePhone());
            consents.grant(person, partner, ExportRowsTest.manual());
        }
        ExportDefinition definition = definitions.create(new ExportDraft(unique("Match file"), partner,
                ExportSegment.EVERYONE, List.of(ExportField.PHONE, ExportField.EMAIL), "hashed-match"));
        signInAs("overlap-admin", Role.ADMIN);
        approvals.approve(definition.id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(production.write(definition.id(), KEY, out)).isEqualTo(3);

        OverlapReport report = overlap.overlap(partner, new ByteArrayInputStream(out.toByteArray()),
                "our-match-file.csv", KEY, 10);

        assertThat(report.partnerRows()).isEqualTo(3);
        assertThat(report.shared()).isEqualTo(3);
        assertThat(report.sharedWithConsent()).isEqualTo(3);
    }

    @Test
    void aBrokenFileIsRefusedWithItsNameAndLine() {
        String hash = KEY.hashEmail("someone@example.org");
        refused(List.of(), "list.csv: the file is empty");
        refused(List.of("email_hmac,phone_hmac"), "list.csv: the file has a header but no hashes");
        refused(List.of("email,phone", hash + ","), "list.csv: line 1 must be the header naming the columns "
                + "email_hmac and/or phone_hmac, not “email”");
        refused(List.of("email_hmac,email_hmac", hash + "," + hash), "names the column email_hmac twice");
        refused(List.of("email_hmac,phone_hmac", hash + ",", hash + "," + hash + "," + hash),
                "list.csv: line 3 has 3 values, but the header names 2 columns.");
        refused(List.of("phone_hmac", hash, "not-a-hash"),
                "list.csv: line 3, column phone_hmac: “not-a-hash” is not a 64-character hexadecimal HMAC-SHA-256.");
        refused(List.of("email_hmac", hash.substring(1)), "line 2, column email_hmac");
    }

    private void refused(List<String> lines, String message) {
        assertInvalid(() -> overlap.overlap(partner, file(lines), "list.csv", KEY, 10), "file", message);
    }

    private static ByteArrayInputStream file(List<String> lines) {
        return new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

}
