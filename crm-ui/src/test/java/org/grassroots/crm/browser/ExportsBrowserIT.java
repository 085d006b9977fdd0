package org.grassroots.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.grassroots.crm.exports.ExportDefinitionService;
import org.grassroots.crm.exports.ExportStatus;
import org.grassroots.crm.exports.MatchKey;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.NewPerson;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PostalAddress;
import org.grassroots.crm.petitions.PetitionDraft;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coalition partner export through the real screens: an organizer adds the partner, names it co-sponsor of a
 * petition and records the consent of the signers who ticked the co-sponsor box, records one more consent on a
 * supporter's page, asks for an export of the petition's consenting signers (the form counts them live) and checks
 * the overlap with the partner's hashed list; then an administrator, a different person, approves the export, which
 * shows as approved with that approval. The organizer then produces the file on the export's page, makes a download
 * link (its address shown once), downloads the CSV through it (the consenting signers, not the one who did not tick
 * the box), revokes the link, which then answers 410, and the administrator finds the whole trail in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportsBrowserIT {

    private static final String PASSWORD = "share-with-consent-" + UUID.randomUUID();
    private static final String MATCH_KEY = "agreed-by-phone-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    UserService users;
    @Autowired
    CrmUserDetailsService userDetails;
    @Autowired
    PersonService people;
    @Autowired
    PetitionService petitions;
    @Autowired
    ExportDefinitionService definitions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOrganizerAsksForAPartnerExportAndAnotherPersonAnAdministratorApprovesIt() throws IOException {
        StaffAccounts staff = new StaffAccounts(users, userDetails);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String organizer = staff.create(Role.ORGANIZER, "exports-" + suffix, PASSWORD);
        String partner = "Clean Rivers Coalition " + suffix;
        String exportName = "River signers for Clean Rivers " + suffix;
        String petitionTitle = "Clean water for Des Moines " + suffix;
        List<String> signers = List.of("Ada", "Ben", "Cleo").stream().map(name -> name + " Rivers" + suffix).toList();
        long petitionId = staff.as(organizer, () -> petition(petitionTitle, signers, suffix));
        long rosa = staff.as(organizer, () -> person("Rosa", "Manual" + suffix, "rosa." + suffix + "@example.org"));
        Path partnerFile = hashedFile(suffix);

        try (BrowserSession browser = new BrowserSession(port)) {
            Page page = browser.newPage(1280);
            try {
                StaffAccounts.signIn(browser, page, organizer, PASSWORD);
                assertThat(page.locator("vaadin-side-nav-item").allInnerTexts()).contains("Partners", "Exports");
                addPartner(browser, page, partner);
                coSponsor(browser, page, petitionId, partner);
                recordConsent(browser, page, rosa, partner);
                long exportId = askForExport(browser, page, exportName, partner, petitionTitle);
                overlap(browser, page, partner, partnerFile, signers);

                StaffAccounts.signIn(browser, page, "admin", StaffAccounts.ADMIN_PASSWORD);
                approve(browser, page, exportId, exportName);
                assertThat(staff.as("admin", () -> definitions.find(exportId)).orElseThrow().status())
                        .isEqualTo(ExportStatus.APPROVED);

                StaffAccounts.signIn(browser, page, organizer, PASSWORD);
                page.setViewportSize(1280, 900);
                String link = produceAndLink(browser, page, exportId);
                download(page, link, suffix);
                revoke(browser, page, link);

                StaffAccounts.signIn(browser, page, "admin", StaffAccounts.ADMIN_PASSWORD);
                auditTrail(browser, page, exportId);
            } catch (RuntimeException | AssertionError failure) {
                browser.screenshot(page, "exports-failure");
                throw failure;
            }
        } finally {
            Files.deleteIfExists(partnerFile);
        }
    }

    private static void addPartner(BrowserSession browser, Page page, String partner) {
        page.navigate(browser.url("partners"));
        BrowserSession.button(page, "New partner").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(partner);
        dialog.getByLabel("Contact name").fill("Maria Lopez");
        dialog.getByLabel("Contact e-mail").fill("maria@rivers.example.org");
        dialog.getByLabel("Notes").fill("Data-sharing agreement signed in March; exports go to Maria only.");
        browser.screenshot(page, "exports-1-new-partner");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add partner")).click();
        page.getByText("Added " + partner + ".").waitFor();
        page.locator("vaadin-grid").getByText(partner).waitFor();
        browser.screenshot(page, "exports-2-partners");
    }

    private static void coSponsor(BrowserSession browser, Page page, long petitionId, String partner) {
        page.navigate(browser.url("petitions/" + petitionId));
        BrowserSession.button(page, "Edit co-sponsors").click();
        page.getByLabel("Co-sponsoring partners").fill(partner);
        page.locator("vaadin-multi-select-combo-box-item", new Page.LocatorOptions().setHasText(partner)).click();
        page.keyboard().press("Escape");
        page.getByLabel("Notice beside the co-sponsor box").fill("Share my name and e-mail with the co-sponsors "
                + "so they can keep me posted.");
        BrowserSession.button(page, "Save co-sponsors").click();
        page.locator(".cosponsor-names").getByText("Co-sponsored with " + partner).waitFor();
        BrowserSession.button(page, "Record consent for consenting signers").click();
        page.locator(".cosponsor-result").getByText("Recorded 3 new consents (" + partner + ": 3).").waitFor();
        page.locator(".petition-cosponsors").scrollIntoViewIfNeeded();
        browser.screenshot(page, "exports-3-petition-cosponsors");
    }

    private static void recordConsent(BrowserSession browser, Page page, long personId, String partner) {
        page.navigate(browser.url("supporters/" + personId));
        Locator card = page.locator(".consent-card");
        card.getByText("Has not agreed to share with any partner.").waitFor();
        BrowserSession.button(page, "Record consent").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Partner").fill(partner);
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(partner)).click();
        dialog.getByLabel("Notice shown to the supporter").fill("I agree that Grassroots may share my contact "
                + "details with " + partner + ".");
        browser.screenshot(page, "exports-4-grant-consent");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record consent")).click();
        page.getByText("Recorded consent to share with " + partner + ".").waitFor();
        card.locator(".consent-partner").getByText(partner).waitFor();
        card.getByText("Notice they agreed to").first().click();
        card.getByText("History (1)").click();
        card.scrollIntoViewIfNeeded();
        browser.screenshot(page, "exports-5-supporter-consent");
    }

    private static long askForExport(BrowserSession browser, Page page, String exportName, String partner,
            String petitionTitle) {
        page.navigate(browser.url("exports"));
        BrowserSession.button(page, "New export").click();
        page.waitForURL("**/exports/new");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(exportName);
        page.getByLabel("Partner", new Page.GetByLabelOptions().setExact(true)).fill(partner);
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(partner)).click();
        Locator count = page.locator(".export-live-count");
        count.getByText("4 people currently consent").waitFor();
        page.getByLabel("Signed one of these petitions").fill(petitionTitle);
        page.locator("vaadin-multi-select-combo-box-item", new Page.LocatorOptions().setHasText(petitionTitle))
                .click();
        page.keyboard().press("Escape");
        count.getByText("3 people currently consent to sharing with " + partner + " and match.").waitFor();
        for (String field : List.of("First name", "Last name", "E-mail")) {
            page.locator("vaadin-checkbox-group.export-fields").getByLabel(field,
                    new Locator.GetByLabelOptions().setExact(true)).check();
        }
        browser.screenshot(page, "exports-6-new-export");
        BrowserSession.button(page, "Ask for approval").click();
        page.waitForURL(Pattern.compile(".*/exports/\\d+$"));
        page.locator(".export-status").getByText("Waiting for approval").waitFor();
        assertThat(page.locator(".export-still-needed").innerText()).contains("an administrator's approval");
        assertThat(BrowserSession.button(page, "Approve").count()).as("an organizer approves nothing").isZero();
        browser.screenshot(page, "exports-7-export-pending");
        return Long.parseLong(page.url().replaceAll(".*/exports/", ""));
    }

    private static void overlap(BrowserSession browser, Page page, String partner, Path partnerFile,
            List<String> signers) {
        page.navigate(browser.url("exports/overlap"));
        page.getByLabel("Partner", new Page.GetByLabelOptions().setExact(true)).fill(partner);
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(partner)).click();
        page.getByLabel("Agreed key").fill(MATCH_KEY);
        page.locator("vaadin-upload input[type=file]").setInputFiles(partnerFile);
        page.getByText("Uploaded " + partnerFile.getFileName()).waitFor();
        BrowserSession.button(page, "Find the overlap").click();
        page.locator(".overlap-counts").getByText("Their file has 4 hash lines. 2 people on it are our supporters.")
                .waitFor();
        Locator people = page.locator("vaadin-grid.overlap-people");
        people.getByText(signers.get(0)).waitFor();
        assertThat(people.innerText()).contains(signers.get(1)).doesNotContain(signers.get(2));
        assertThat(page.getByLabel("Agreed key").inputValue()).as("the key is not kept on the screen").isEmpty();
        browser.screenshot(page, "exports-8-overlap");
    }

    private static void approve(BrowserSession browser, Page page, long exportId, String exportName) {
        page.navigate(browser.url("exports"));
        Locator row = page.locator("vaadin-grid.exports-grid").getByText(exportName);
        row.waitFor();
        browser.screenshot(page, "exports-9-list");
        row.click();
        page.waitForURL("**/exports/" + exportId);
        BrowserSession.button(page, "Approve").waitFor();
        browser.screenshot(page, "exports-10-to-approve");
        BrowserSession.button(page, "Approve").click();
        page.locator(".export-status").getByText("Approved").waitFor();
        Locator approval = page.locator(".export-approval");
        approval.getByText("Administrator's approval").waitFor();
        assertThat(approval.innerText()).startsWith("admin").contains("3 people then");
        assertThat(page.locator(".export-approval-outcome").innerText()).startsWith("Approved on ");
        browser.screenshot(page, "exports-11-approved");
        page.setViewportSize(390, 800);
        browser.screenshot(page, "exports-12-approved-phone");
    }

    /** Produces the CSV, waits for the export to be ready, makes a link; returns the address shown once. */
    private static String produceAndLink(BrowserSession browser, Page page, long exportId) {
        page.navigate(browser.url("exports/" + exportId));
        Locator card = page.locator(".export-delivery");
        card.getByText("the file can be produced").waitFor();
        BrowserSession.button(page, "Produce file").click();
        page.locator(".export-status").getByText(ExportStatus.READY.label()).waitFor();
        assertThat(card.locator(".export-delivery-state").innerText()).startsWith("Ready since ");
        assertThat(card.locator(".export-production-items").innerText()).startsWith("File ready · 3 people");
        BrowserSession.button(page, "New download link…").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Note (optional)").fill("For Maria Lopez");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make link")).click();
        Locator address = dialog.getByLabel("Download address");
        address.waitFor();
        String link = address.inputValue();
        assertThat(link).startsWith(browser.url("exports/download/"));
        assertThat(dialog.locator(".export-link-warning").innerText()).contains("shown only this once");
        browser.screenshot(page, "exports-13-link-shown-once");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
        card.locator(".export-link[data-state=active]").getByText("For Maria Lopez").waitFor();
        assertThat(card.innerText()).doesNotContain(link);
        return link;
    }

    /** Downloads through the link, as a partner's contact clicking it would (router-ignore: a full request). */
    private static void download(Page page, String link, String suffix) throws IOException {
        Download download = page.waitForDownload(() -> page.evaluate("""
                url => { const a = document.createElement('a'); a.href = url; a.setAttribute('router-ignore', '');
                    document.body.appendChild(a); a.click(); a.remove(); }""", link));
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(download.suggestedFilename()).endsWith(".csv");
        assertThat(csv).contains(emailOf("Ada", suffix), emailOf("Ben", suffix), emailOf("Cleo", suffix))
                .doesNotContain(emailOf("Dot", suffix));
    }

    private static void revoke(BrowserSession browser, Page page, String link) {
        Locator card = page.locator(".export-delivery");
        page.reload();
        Locator row = card.locator(".export-link[data-state=active]");
        row.getByText("downloaded once").waitFor();
        card.scrollIntoViewIfNeeded();
        browser.screenshot(page, "exports-14-file-ready-with-link");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
        card.locator(".export-link[data-state=revoked]").getByText("Revoked by").waitFor();
        Response refused = page.navigate(link);
        assertThat(refused.status()).isEqualTo(410);
        assertThat(page.locator("body").innerText()).startsWith("This download link was revoked by ");
    }

    private static void auditTrail(BrowserSession browser, Page page, long exportId) {
        page.navigate(browser.url("audit?target=" + exportId));
        Locator grid = page.locator("vaadin-grid");
        grid.getByText("Partner export download link revoked").first().waitFor();
        assertThat(grid.innerText()).contains("Partner export requested", "Partner export approved",
                "Partner export file ready", "Partner export download link created", "Partner export downloaded",
                "export " + exportId);
        browser.screenshot(page, "exports-15-audit-trail");
    }

    /** A petition three people signed ticking the co-sponsor box, and one without; returns its id. */
    private long petition(String title, List<String> signers, String suffix) {
        long petitionId = petitions.create(new PetitionDraft(title, null, "Pour water on the city council", null,
                null)).id();
        List<String> all = new ArrayList<>(signers);
        all.add("Dot Unticked" + suffix);
        for (int i = 0; i < all.size(); i++) {
            String[] name = all.get(i).split(" ");
            long personId = person(name[0], name[1], emailOf(name[0], suffix));
            petitions.sign(petitionId, personId, "Website", null);
            jdbc.sql("UPDATE signature SET cosponsor_consent = :ticked WHERE petition_id = :petition AND person_id = "
                    + ":person").param("ticked", i < signers.size()).param("petition", petitionId)
                    .param("person", personId).update();
        }
        return petitionId;
    }

    private long person(String firstName, String lastName, String email) {
        return people.create(new NewPerson(firstName, lastName, List.of(email), List.of(),
                new PostalAddress(null, "Des Moines", UsState.IA, "50309"), "exports test", List.of())).id();
    }

    private static String emailOf(String firstName, String suffix) {
        return firstName.toLowerCase() + "." + suffix + "@rivers.example.org";
    }

    /** The partner's list: Ada and Ben (ours, consenting), Cleo is not on it, and two people we do not have. */
    private static Path hashedFile(String suffix) throws IOException {
        MatchKey key = MatchKey.of(MATCH_KEY);
        List<String> lines = List.of("email_hmac", key.hashEmail(emailOf("Ada", suffix)),
                key.hashEmail(emailOf("Ben", suffix).toUpperCase()), key.hashEmail("zoe." + suffix + "@theirs.org"),
                key.hashEmail("yan." + suffix + "@theirs.org"));
        Path file = Files.createTempFile("partner-hashes-", ".csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
