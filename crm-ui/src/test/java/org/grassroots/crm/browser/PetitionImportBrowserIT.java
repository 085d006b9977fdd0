package org.grassroots.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.grassroots.crm.petitions.Petition;
import org.grassroots.crm.petitions.PetitionDraft;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An organizer imports the sample petition export through the wizard with the bundled CSV reader (the real plugin jar
 * the build made, installed at start-up as a bundled plugin): the suggested mapping, consent from the opt-in column,
 * a dry run whose counts are those of the sample on an empty database, the import followed to the end, the
 * rejected rows downloaded, and a new supporter whose timeline shows the signature. Its own application context, so
 * the database is empty and only this test has the bundled plugin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "crm.plugins.bundled=../plugins/petition-import/target/petition-import-*.jar",
    "crm.plugins.dir=target/import-browser-plugins",
    "crm.imports.dir=target/import-browser-uploads"})
class PetitionImportBrowserIT {

    private static final Path SAMPLE = Path.of("src/test/resources/petition-sample.csv");
    private static final String PASSWORD = "import-password-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    PetitionService petitions;

    @Test
    void anOrganizerDryRunsAndImportsTheSampleAndANewSupporterShowsTheSignature() throws IOException {
        StaffAccounts staff = new StaffAccounts(users, userDetails);
        String organizer = staff.create(Role.ORGANIZER, "importer-" + UUID.randomUUID().toString().substring(0, 6),
                PASSWORD);
        Petition petition = staff.as(organizer, () -> petitions.create(new PetitionDraft(
                "Keep the Eastside library open", null, null, "Des Moines City Council", 500)));

        try (BrowserSession browser = new BrowserSession(port)) {
            Page page = browser.newPage(1280);
            try {
                StaffAccounts.signIn(browser, page, organizer, PASSWORD);
                mapTheSample(browser, page, petition);
                dryRun(browser, page);
                importAndDownloadRejectedRows(browser, page);
                seeTheSignatureOnANewSupporter(browser, page, petition);
                petitionPageListsTheImport(browser, page, petition, organizer);
            } catch (RuntimeException | AssertionError failure) {
                browser.screenshot(page, "import-failure");
                throw failure;
            }
            Page phone = browser.newPage(390);
            try {
                onAPhone(browser, phone, petition);
            } catch (RuntimeException | AssertionError failure) {
                browser.screenshot(phone, "import-failure-phone");
                throw failure;
            }
        }
    }

    private static void mapTheSample(BrowserSession browser, Page page, Petition petition) {
        page.navigate(browser.url("petitions/" + petition.id()));
        BrowserSession.button(page, "Import signatures").click();
        page.waitForURL(Pattern.compile(".*/petitions/import\\?petition=" + petition.id() + "$"));
        assertThat(page.getByLabel("Petition", new Page.GetByLabelOptions().setExact(true)).inputValue())
                .isEqualTo(petition.title());

        page.locator("vaadin-upload input[type=file]").setInputFiles(SAMPLE);
        page.getByText("Uploaded petition-sample.csv (").waitFor();
        page.getByText("Read as UTF-8, separated by commas: 8 columns.").waitFor();
        Locator preview = page.locator("vaadin-grid.import-preview");
        assertThat(preview.innerText()).contains("Opt-in", "Signed At", "wei.patel971@example.org");

        assertThat(column(page, "E-mail")).isEqualTo("Email");
        assertThat(column(page, "First name")).isEqualTo("First Name");
        assertThat(column(page, "Last name")).isEqualTo("Last Name");
        assertThat(column(page, "ZIP code")).isEqualTo("ZIP");
        assertThat(column(page, "State")).isEqualTo("State");
        assertThat(column(page, "Signed at")).isEqualTo("Signed At");
        assertThat(column(page, "Comment")).isEqualTo("Comment");
        assertThat(column(page, "E-mail opt-in")).isEqualTo("Opt-in");
        assertThat(column(page, "Phone")).as("the sample has no phone column").isEmpty();
        assertThat(page.getByLabel("Saved or preset mapping").innerText())
                .contains("Suggested from the file's headers");

        page.getByLabel("Source name").fill("Library campaign form");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile(
                "^From the opt-in column"))).click();
        browser.screenshot(page, "import-1-mapping");
    }

    private static void dryRun(BrowserSession browser, Page page) {
        Locator step = page.locator("vaadin-card.import-dry-run");
        step.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dry run")).click();
        Locator result = step.locator(".import-result");
        result.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(step.locator(".import-summary").innerText()).isEqualTo("The import would add 300 signatures"
                + " from 306 rows. 6 rows would be left out: 5 rejected, 1 duplicate in the file.");
        assertThat(counts(step)).containsExactly(
                "306 rows in the file",
                "300 new signatures",
                "300 new supporters",
                "0 existing supporters matched",
                "0 had already signed",
                "1 duplicates in the file",
                "5 rejected rows",
                "146 to subscribe to e-mail",
                "0 opt-ins refused (left the list before)");
        assertThat(step.locator(".import-rejected-download").innerText()).contains("Download rejected rows (6)");
        step.locator(".import-rejected-download").scrollIntoViewIfNeeded();
        browser.screenshot(page, "import-2-dry-run");
    }

    private static void importAndDownloadRejectedRows(BrowserSession browser, Page page) throws IOException {
        Locator step = page.locator("vaadin-card.import-run");
        Locator start = step.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(
                "Import 300 signatures"));
        start.click();
        Locator bar = step.locator("vaadin-progress-bar");
        bar.waitFor();
        step.locator(".job-progress-text", new Locator.LocatorOptions().setHasText("Finished.")).waitFor(
                new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(bar.getAttribute("value")).as("the bar ends full").isEqualTo(bar.getAttribute("max"));
        assertThat(step.locator(".import-summary").innerText()).isEqualTo("Added 300 signatures from 306 rows."
                + " 6 rows were left out: 5 rejected, 1 duplicate in the file.");
        assertThat(counts(step)).contains("300 signatures added", "300 supporters added", "146 subscribed to e-mail");
        assertThat(start.isDisabled()).as("the file is imported and gone").isTrue();
        assertThat(step.locator(".import-next a").allInnerTexts())
                .containsExactly("Open the petition", "See the job on the Jobs screen", "Import another file");
        step.locator(".import-next").scrollIntoViewIfNeeded();
        browser.screenshot(page, "import-3-imported");

        Download download = page.waitForDownload(() -> step.locator(".import-rejected-download").click());
        assertThat(download.suggestedFilename()).isEqualTo("rejected-petition-sample.csv");
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("\uFEFFLine,Problem,First Name,Last Name,Email,ZIP,State,Comment,"
                + "Signed At,Opt-in");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith("338,Duplicate of line 2 (the same e-mail); imported once,Dup,Case,");
        assertThat(lines.get(6)).startsWith("343,Signed at 'yesterday' is not a date");
    }

    private static void seeTheSignatureOnANewSupporter(BrowserSession browser, Page page, Petition petition) {
        page.navigate(browser.url("supporters"));
        page.getByLabel("Search supporters").fill("wei.patel971@example.org");
        Locator row = page.locator("vaadin-grid").getByText("wei.patel971@example.org");
        row.waitFor();
        row.click();
        page.waitForURL(Pattern.compile(".*/supporters/\\d+$"));
        Locator timeline = page.locator("vaadin-card", new Page.LocatorOptions().setHasText("Timeline")).last();
        timeline.getByText("Signed " + petition.title()).waitFor();
        assertThat(timeline.innerText()).contains("We need a bold progressive.", "Library campaign form");
        timeline.scrollIntoViewIfNeeded();
        browser.screenshot(page, "import-4-supporter-timeline");
    }

    private static void petitionPageListsTheImport(BrowserSession browser, Page page, Petition petition,
            String organizer) {
        page.navigate(browser.url("petitions/" + petition.id()));
        page.getByText("300 signatures of a goal of 500").waitFor();
        Locator imports = page.locator("vaadin-grid.petition-imports-grid");
        imports.getByText("petition-sample.csv").waitFor();
        assertThat(imports.innerText()).contains(organizer, "Imported");
        imports.scrollIntoViewIfNeeded();
        browser.screenshot(page, "import-5-petition-imports");
    }

    /**
     * The wizard and the petition's imports in a phone-sized window, as an admin: the source name the organizer's
     * import saved its mapping under is offered, and a second dry run finds everyone already signed.
     */
    private static void onAPhone(BrowserSession browser, Page page, Petition petition) {
        StaffAccounts.signIn(browser, page, "admin", StaffAccounts.ADMIN_PASSWORD);
        page.navigate(browser.url("petitions/import?petition=" + petition.id()));
        page.getByText("A .csv, .txt or .tsv file with a header row, at most 1 GB.").waitFor();
        browser.screenshot(page, "import-6-phone-file");
        page.locator("vaadin-upload input[type=file]").setInputFiles(SAMPLE);
        page.getByText("Read as UTF-8, separated by commas: 8 columns.").waitFor();
        assertThat(column(page, "E-mail")).isEqualTo("Email");
        page.getByLabel("Saved or preset mapping").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Saved: Library campaign form")).click();
        Locator source = page.getByLabel("Source name");
        page.waitForCondition(() -> source.inputValue().equals("Library campaign form"));
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Nobody"))).click();
        page.locator("vaadin-grid.import-preview").scrollIntoViewIfNeeded();
        browser.screenshot(page, "import-7-phone-mapping");
        Locator step = page.locator("vaadin-card.import-dry-run");
        step.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dry run")).click();
        step.locator(".import-result").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(counts(step)).contains("0 new signatures", "300 existing supporters matched",
                "300 had already signed");
        step.locator(".import-result").scrollIntoViewIfNeeded();
        browser.screenshot(page, "import-8-phone-dry-run");
        page.navigate(browser.url("petitions/" + petition.id()));
        Locator imports = page.locator("vaadin-grid.petition-imports-grid");
        imports.getByText("petition-sample.csv").waitFor();
        imports.scrollIntoViewIfNeeded();
        browser.screenshot(page, "import-9-phone-petition-imports");
    }

    /** The header chosen for a field, "" when none. */
    private static String column(Page page, String field) {
        return page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(field).setExact(true))
                .inputValue();
    }

    /** The result's counts as "306 rows in the file". */
    private static List<String> counts(Locator step) {
        return step.locator(".import-count").allInnerTexts().stream()
                .map(text -> text.replaceAll("\\s+", " ").strip()).toList();
    }
}
