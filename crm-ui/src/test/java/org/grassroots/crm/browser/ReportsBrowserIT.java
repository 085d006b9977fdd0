package org.grassroots.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.reports.FixedReportPlugin;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The report screens in a browser, with a report plugin over fixed numbers: an analyst opens the report from the
 * reports list and sees the map, the charts and the table without money and with small counts as "<10", drills into
 * Iowa, and downloads the CSV and the PDF; a fundraiser sees the donations column.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportsBrowserIT {

    private static final String PASSWORD = "numbers-not-people-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    PluginAdminService plugins;

    @Test
    void anAnalystAndAFundraiserReadTheStateReport() throws Exception {
        StaffAccounts staff = new StaffAccounts(users, userDetails);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String analyst = staff.create(Role.ANALYST, "reports-an-" + suffix, PASSWORD);
        String fundraiser = staff.create(Role.FUNDRAISER, "reports-fr-" + suffix, PASSWORD);
        staff.as("admin", () -> {
            FixedReportPlugin.install(plugins);
            return null;
        });

        try (BrowserSession browser = new BrowserSession(port)) {
            Page page = browser.newPage(1400);
            try {
                StaffAccounts.signIn(browser, page, analyst, PASSWORD);
                page.navigate(browser.url("reports"));
                page.locator(".report-card a", new Page.LocatorOptions().setHasText("Fixed state figures")).click();
                Locator grid = shown(page);
                assertThat(grid.innerText()).contains("Per 10k residents").doesNotContain("Donations")
                        .contains("<10");
                assertThat(page.locator(".state-tile[data-state=NH]").innerText()).contains("<10");
                assertThat(page.locator(".state-tile[data-state=IA]").innerText()).contains("1,234");
                browser.screenshot(page, "reports-1-analyst");

                page.locator(".state-tile[data-state=IA]").click();
                page.getByText("Iowa: top ZIPs and cities").waitFor();
                Locator drill = page.locator("vaadin-grid", new Page.LocatorOptions().setHasText("Des Moines"));
                drill.getByText("Ames").waitFor();
                assertThat(drill.innerText()).contains("640").contains("<10");
                browser.screenshot(page, "reports-2-drill-down");
                BrowserSession.button(page, "Close").click();

                Download csv = page.waitForDownload(() -> link(page, "Download CSV").click());
                String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
                assertThat(text).startsWith("\uFEFF# Supporters by state").contains("NH,<10,<10,15")
                        .doesNotContain("donations");
                Download pdf = page.waitForDownload(() -> link(page, "Download PDF").click());
                assertThat(pdf.suggestedFilename()).endsWith(".pdf");
                try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
                    String pdfText = new PDFTextStripper().getText(document);
                    assertThat(pdfText).contains("Supporters by state").contains("Per 10k residents")
                            .contains("1,234").contains("<10").doesNotContain("Donations");
                }

                StaffAccounts.signIn(browser, page, fundraiser, PASSWORD);
                page.navigate(browser.url("reports/" + FixedReportPlugin.REPORT_ID));
                grid = shown(page);
                assertThat(grid.innerText()).contains("Donations").contains("$45,210.75");
                browser.screenshot(page, "reports-3-fundraiser");
            } catch (RuntimeException | AssertionError failure) {
                browser.screenshot(page, "reports-failure");
                throw failure;
            }
        }
    }

    /** Waits for the map, both charts' canvases and the table; returns the table. */
    private static Locator shown(Page page) {
        page.locator(".state-tile[data-state=IA]").waitFor();
        page.locator(".report-bar-chart canvas").first().waitFor();
        Locator grid = page.locator("vaadin-grid.report-grid").first();
        grid.getByText("IA", new Locator.GetByTextOptions().setExact(true)).first().waitFor();
        return grid;
    }

    private static Locator link(Page page, String text) {
        return page.locator("a.report-download", new Page.LocatorOptions().setHasText(text)).first();
    }
}
