package org.grassroots.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.grassroots.crm.jobs.JobScheduleInfo;
import org.grassroots.crm.jobs.JobSchedules;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin uploads the list health plugin (the real jar the build made) on the Plugins screen, sees it running with
 * its scheduled check, runs the check as a job, is stopped by the plugin's own settings check, disables it; an
 * organizer cannot open the screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PluginsBrowserIT {

    private static final Path LIST_HEALTH_JAR = Path.of("../plugins/list-health/target/list-health-1.0.0.jar");
    private static final String SCHEDULE = "plugin:list-health:weekly-check";
    private static final String ORGANIZER_PASSWORD = "lists-are-trust-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    JobSchedules schedules;

    @Test
    void adminUploadsConfiguresAndDisablesAPluginAndAnOrganizerCannotOpenTheScreen() {
        assertThat(LIST_HEALTH_JAR).as("the build makes the list health plugin before this module").exists();
        StaffAccounts staff = new StaffAccounts(users, userDetails);
        String organizer = staff.create(Role.ORGANIZER, "plugins-organizer-" + UUID.randomUUID().toString()
                .substring(0, 6), ORGANIZER_PASSWORD);
        try (BrowserSession browser = new BrowserSession(port)) {
            Page page = browser.newPage(1280);
            try {
                StaffAccounts.signIn(browser, page, "admin", StaffAccounts.ADMIN_PASSWORD);
                page.navigate(browser.url("plugins"));
                page.locator("vaadin-upload input[type=file]").setInputFiles(LIST_HEALTH_JAR);
                page.getByText("Installed list-health 1.0.0 (running).").waitFor();
                Locator row = pluginRow(page);
                assertThat(row.innerText()).contains("Running").contains("List health check · ScheduledTask")
                        .contains("List health · SettingsDescriptor").contains("Grassroots CRM");
                assertThat(schedule(staff)).as("its weekly check is scheduled").isNotNull();
                browser.screenshot(page, "plugins-1-uploaded");

                BrowserSession.button(page, "Run List health check now").click();
                page.getByText("started as job #").waitFor();
                page.navigate(browser.url("jobs"));
                Locator jobs = page.locator("vaadin-grid");
                jobs.getByText("List health check").first().waitFor();
                jobs.getByText("Succeeded").first().waitFor();
                assertThat(jobs.innerText()).contains("subscribed");
                browser.screenshot(page, "plugins-2-check-ran");
                page.navigate(browser.url("plugins"));

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Settings list-health")).click();
                Locator dialog = page.getByRole(AriaRole.DIALOG);
                Locator percent = dialog.getByLabel("Alert when bouncing addresses exceed (%)");
                percent.fill("0");
                dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
                dialog.getByText("Enter a percentage from 1 to 100.").waitFor();
                browser.screenshot(page, "plugins-3-settings-refused");
                percent.fill("3");
                dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
                page.getByText("Saved the settings of list-health.").waitFor();

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable list-health")).click();
                page.getByText("list-health disabled.").waitFor();
                assertThat(pluginRow(page).innerText()).contains("Disabled");
                assertThat(schedule(staff)).as("a disabled plugin's check is unscheduled").isNull();
                browser.screenshot(page, "plugins-4-disabled");

                StaffAccounts.signIn(browser, page, organizer, ORGANIZER_PASSWORD);
                assertThat(page.locator("vaadin-side-nav-item").allInnerTexts()).noneMatch(item -> item.contains(
                        "Plugins"));
                page.navigate(browser.url("plugins"));
                page.getByText("couldn't find that page").waitFor();
                assertThat(page.locator("vaadin-upload").count()).isZero();
                browser.screenshot(page, "plugins-5-organizer-refused");
            } catch (RuntimeException | AssertionError failure) {
                browser.screenshot(page, "plugins-failure");
                throw failure;
            }
        }
    }

    private static Locator pluginRow(Page page) {
        Locator grid = page.locator("vaadin-grid");
        grid.getByText("list-health").first().waitFor();
        return grid;
    }


    private JobScheduleInfo schedule(StaffAccounts staff) {
        return staff.as("admin", () -> schedules.list().stream()
                .filter(info -> info.scheduleId().equals(SCHEDULE)).findFirst().orElse(null));
    }
}
