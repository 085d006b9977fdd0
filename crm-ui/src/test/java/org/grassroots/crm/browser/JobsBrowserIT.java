package org.grassroots.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.ui.UiTestJobs;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Jobs screen in Chromium: progress arrives by Vaadin push over the signed-in session (nobody reloads or clicks),
 * and a cancel from the screen stops the job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobsBrowserIT {

    private static final String ADMIN_PASSWORD = "correct-horse-battery-staple";
    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired
    JobService jobs;

    @Autowired
    CrmUserDetailsService userDetails;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void progressMovesByItselfAndACancelStopsTheJob() {
        if (browser == null) {
            browser = new BrowserSession(port);
        }
        asAdmin();
        jobs.submit(new JobRequest(UiTestJobs.TYPE, "Import petition signatures from march.csv",
                Map.of("steps", "3")));
        jobs.submit(new JobRequest(UiTestJobs.TYPE, "Push the list to the e-mail provider",
                Map.of("steps", "4", "failAt", "2")));
        long sync = jobs.submit(new JobRequest(UiTestJobs.TYPE, "Sync subscriptions with the e-mail provider",
                Map.of("steps", "400", "stepMillis", "100")));
        SecurityContextHolder.clearContext();
        try {
            watchAndCancel();
        } finally {
            asAdmin();
            jobs.cancel(sync);
            SecurityContextHolder.clearContext();
        }
    }

    private void watchAndCancel() {

        Page page = browser.newPage(1400);
        signIn(page);
        page.navigate(browser.url("jobs"));
        Locator running = row(page, "Sync subscriptions with the e-mail provider");
        page.waitForCondition(() -> progressOf(page) >= 3);
        long before = progressOf(page);
        page.waitForTimeout(2500);
        long after = progressOf(page);
        assertThat(after).as("progress pushed to an open page, no reload").isGreaterThan(before);
        assertThat(page.locator("vaadin-grid").innerText()).contains("Succeeded", "Failed", "Running");
        browser.screenshot(page, "jobs-live");

        running.click();
        Locator dialog = page.locator("vaadin-dialog");
        dialog.getByText("rows read").first().waitFor();
        browser.screenshot(page, "job-details");
        dialog.locator("vaadin-button", new Locator.LocatorOptions().setHasText("Cancel job")).click();
        page.locator("vaadin-confirm-dialog vaadin-button", new Page.LocatorOptions().setHasText("Cancel job"))
                .click();
        dialog.getByText("Cancelled", new Locator.GetByTextOptions().setExact(true)).first().waitFor();
        dialog.locator("vaadin-button", new Locator.LocatorOptions().setHasText("Close")).click();
        page.locator("vaadin-grid").getByText("Cancelled").first().waitFor();
        browser.screenshot(page, "jobs-cancelled");
    }

    @Test
    void thePushEndpointGivesNothingToAClientWithoutASession() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/VAADIN/push?v-r=push&v-uiId=0&v-pushId=guess"
                        + "&X-Atmosphere-Transport=long-polling&X-Atmosphere-Framework=4.0.1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("\"sessionExpired\":true").doesNotContain("jobs");
    }

    private static Locator row(Page page, String title) {
        Locator cell = page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(title));
        cell.first().waitFor();
        return cell.first();
    }

    /** Steps done by the running job, read from its "n of 400" text. */
    private static long progressOf(Page page) {
        Locator text = page.locator(".job-progress-text", new Page.LocatorOptions().setHasText("of 400"));
        if (text.count() == 0) {
            return 0;
        }
        return Long.parseLong(text.first().innerText().replace(",", "").split(" ")[0]);
    }

    private void signIn(Page page) {
        page.navigate(browser.url("login"));
        page.waitForSelector("vaadin-login-form input[name=username]");
        page.fill("vaadin-login-form input[name=username]", "admin");
        page.fill("vaadin-login-form input[name=password]", ADMIN_PASSWORD);
        page.locator("vaadin-login-form vaadin-button").first().click();
        page.waitForSelector("vaadin-app-layout");
    }

    private void asAdmin() {
        var admin = userDetails.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    }
}
