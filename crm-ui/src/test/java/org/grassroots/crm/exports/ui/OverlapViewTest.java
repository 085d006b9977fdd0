package org.grassroots.crm.exports.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.exports.ui.ExportScreenFixtures.unique;
import static org.grassroots.crm.exports.ui.ExportScreenFixtures.unproxied;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.exports.ConsentGrant;
import org.grassroots.crm.exports.ConsentService;
import org.grassroots.crm.exports.ConsentSource;
import org.grassroots.crm.exports.MatchKey;
import org.grassroots.crm.exports.OverlapMatch;
import org.grassroots.crm.exports.Partner;
import org.grassroots.crm.exports.PartnerDraft;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The overlap screen over a seeded pair of lists: our supporters, and a partner's hashed file that shares three of
 * them (two by e-mail, one by phone only) and holds four people we do not have. One shared supporter consents.
 */
@SpringBootTest
@WithMockUser(username = "overlap-organizer", roles = "ORGANIZER")
class OverlapViewTest extends SpringBrowserlessTest {

    static final String KEY = "agreed on the phone, 2026";

    @Autowired
    PartnerService partners;
    @Autowired
    ConsentService consents;
    @Autowired
    JdbcClient jdbc;

    Partner partner;
    long consenting;
    List<String> partnerFile;

    @BeforeEach
    void seed() {
        ExportScreenFixtures fixtures = new ExportScreenFixtures(jdbc);
        MatchKey key = MatchKey.of(KEY);
        partner = TestSecurity.as(Role.ORGANIZER, () -> partners.create(new PartnerDraft(unique("Overlap Allies"),
                null, null, null)));
        long byEmail = fixtures.person("Uma", unique("Shared"));
        consenting = fixtures.person("Val", unique("Shared"));
        long byPhone = fixtures.person("Wes", unique("Shared"));
        String phone = ExportScreenFixtures.uniquePhone();
        fixtures.phone(byPhone, phone);
        long oursOnly = fixtures.person("Xia", unique("Ours"));
        TestSecurity.as(Role.ORGANIZER, () -> {
            consents.grant(consenting, partner.id(), new ConsentGrant("Share with them.", ConsentSource.manual(),
                    null));
            return consents.grant(oursOnly, partner.id(), new ConsentGrant("Share with them.",
                    ConsentSource.manual(), null));
        });
        partnerFile = new ArrayList<>(List.of("email_hmac,phone_hmac"));
        partnerFile.add(key.hashEmail(fixtures.emailOf(byEmail)) + ",");
        partnerFile.add(key.hashEmail(fixtures.emailOf(consenting).toUpperCase()) + ",");
        partnerFile.add("," + key.hashPhone(phone));
        for (int i = 0; i < 4; i++) {
            partnerFile.add(key.hashEmail(ExportScreenFixtures.uniqueEmail("theirs")) + ","
                    + key.hashPhone(ExportScreenFixtures.uniquePhone()));
        }
    }

    @Test
    void countsTheSharedSupportersAndNamesTheOneWhoConsents() {
        OverlapView view = unproxied(navigate(OverlapView.class));
        test(view.partner).selectItem(partner.name());
        test(view.key).setValue(KEY);
        upload(view, "overlap-allies.csv", partnerFile);
        assertThat(view.file.status.getText()).startsWith("Uploaded overlap-allies.csv (");

        test(view.calculate).click();

        assertThat(view.result.isVisible()).isTrue();
        assertThat(view.result.counts.getText()).isEqualTo("Their file has 7 hash lines. 3 people on it are our "
                + "supporters.");
        assertThat(view.result.consenting.getText()).isEqualTo("1 of them consents to sharing with "
                + partner.name() + ":");
        assertThat(test(view.result.people).size()).isEqualTo(1);
        OverlapMatch match = test(view.result.people).getRow(0);
        assertThat(match.personId()).isEqualTo(consenting);
        Anchor link = (Anchor) test(view.result.people).getCellComponent(0, 0);
        assertThat(link.getHref()).isEqualTo("supporters/" + consenting);
        assertThat(link.getText()).startsWith("Val Shared");
        assertThat(view.key.getValue()).as("the key is not kept on the screen").isEmpty();
    }

    @Test
    void aShortKeyAndAMissingFileAreNamed() {
        OverlapView view = unproxied(navigate(OverlapView.class));
        test(view.partner).selectItem(partner.name());
        test(view.calculate).click();
        assertThat(view.file.status.getText()).startsWith("Upload the partner's hashed file first.");

        upload(view, "overlap-allies.csv", partnerFile);
        test(view.key).setValue("too short");
        test(view.calculate).click();
        assertThat(view.key.isInvalid()).isTrue();
        assertThat(view.key.getErrorMessage()).isEqualTo("Enter the key agreed with the partner: at least 16 "
                + "characters, the same on both sides.");
        assertThat(view.result.isVisible()).isFalse();
    }

    @Test
    void aBrokenFileGetsTheServicesMessageNamingTheLine() {
        List<String> broken = new ArrayList<>(partnerFile);
        broken.set(2, broken.get(2) + ",extra");
        OverlapView view = unproxied(navigate(OverlapView.class));
        test(view.partner).selectItem(partner.name());
        test(view.key).setValue(KEY);
        upload(view, "broken.csv", broken);

        test(view.calculate).click();

        assertThat(view.file.status.getText()).isEqualTo("broken.csv: line 3 has 3 values, but the header names 2 "
                + "columns.");
        assertThat(view.file.status.getClassNames()).contains("overlap-error");
        assertThat(view.result.isVisible()).isFalse();
    }

    @Test
    void theUploadedFileIsDeletedWhenTheScreenCloses() {
        OverlapView view = unproxied(navigate(OverlapView.class));
        upload(view, "overlap-allies.csv", partnerFile);
        Path stored = view.file.file().orElseThrow();
        assertThat(stored).exists();

        navigate("", Component.class);

        assertThat(Files.exists(stored)).isFalse();
    }

    private void upload(OverlapView view, String fileName, List<String> lines) {
        test(view.file.upload).upload(fileName, "text/csv",
                (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
