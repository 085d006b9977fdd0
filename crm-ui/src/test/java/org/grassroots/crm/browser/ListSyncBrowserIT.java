package org.grassroots.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.grassroots.crm.people.NewPerson;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PostalAddress;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.pluginhost.TestPluginJars;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.grassroots.plugins.emaillistsync.mailchimp.FakeMailchimp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin points the Mailchimp provider of the bundled email list sync plugin at a local Mailchimp fake on the
 * Plugins screen (segment: one tag); an organizer tests the connection, dry runs, syncs, and reads the sync log; the
 * fake then holds exactly the tagged, subscribed supporters, and one who unsubscribed in the CRM is not among them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListSyncBrowserIT {

    private static final Path PLUGIN_JAR = Path.of("../plugins/email-list-sync/target/email-list-sync-1.0.0.jar");
    private static final String PASSWORD = "lists-are-trust-" + UUID.randomUUID();
    private static final int TAGGED = 12;

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    PluginAdminService plugins;

    @Autowired
    PersonService people;

    @Test
    void anOrganizerDryRunsAndSyncsAMailchimpListAndSeesTheSyncLog() throws Exception {
        StaffAccounts staff = new StaffAccounts(users, userDetails);
        String organizer = staff.create(Role.ORGANIZER, "lists-" + UUID.randomUUID().toString().substring(0, 6),
                PASSWORD);
        String tag = "phonebank-" + UUID.randomUUID().toString().substring(0, 6);
        String domain = UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        staff.as("admin", () -> {
            TestPluginJars.installIfAbsent(plugins, "email-list-sync", PLUGIN_JAR);
            IntStream.range(0, TAGGED).forEach(i -> people.create(new NewPerson("Ada" + i, "Iowan", List.of(
                    "ada" + i + "@" + domain), List.of(), new PostalAddress(null, "Des Moines", UsState.IA, "50309"),
                    "list sync test", List.of(tag))));
            return null;
        });

        try (FakeMailchimp mailchimp = FakeMailchimp.start(); BrowserSession browser = new BrowserSession(port)) {
            Page page = browser.newPage(1280);
            try {
                StaffAccounts.signIn(browser, page, "admin", StaffAccounts.ADMIN_PASSWORD);
                configure(browser, page, mailchimp, tag);

                StaffAccounts.signIn(browser, page, organizer, PASSWORD);
                page.navigate(browser.url("lists"));
                Locator card = page.locator(".list-card").filter(new Locator.FilterOptions().setHasText("Mailchimp"));
                card.waitFor();
                button(card, "Test connection").click();
                card.locator(".list-card-connection[data-ok=true]").waitFor();
                assertThat(card.locator(".list-card-connection").innerText()).startsWith("Connected to audience");

                button(card, "Dry run").click();
                card.locator(".job-progress-text", new Locator.LocatorOptions().setHasText("Finished.")).waitFor();
                card.locator(".list-card-result").waitFor();
                assertThat(card.locator(".list-card-result").innerText()).contains("Would add " + TAGGED + ",");
                assertThat(mailchimp.memberCount()).as("a dry run sends nothing").isZero();
                browser.screenshot(page, "lists-1-dry-run");

                button(card, "Sync now").click();
                card.locator(".job-progress-text", new Locator.LocatorOptions().setHasText("Finished.")).waitFor();
                Locator log = card.locator("vaadin-grid.list-sync-log");
                log.getByText("added " + TAGGED + ",", new Locator.GetByTextOptions().setExact(false)).first()
                        .waitFor();
                assertThat(log.innerText()).contains("Dry run").contains("Sync").contains("Finished")
                        .contains(organizer);
                assertThat(mailchimp.memberCount()).isEqualTo(TAGGED);
                assertThat(mailchimp.member("ada0@" + domain)).hasValueSatisfying(member ->
                        assertThat(member.status()).isEqualTo("subscribed"));
                browser.screenshot(page, "lists-2-synced");
            } catch (RuntimeException | AssertionError failure) {
                browser.screenshot(page, "lists-failure");
                throw failure;
            }
        } finally {
            staff.as("admin", () -> {
                plugins.find("email-list-sync").ifPresent(plugin -> plugins.uninstall(plugin.id()));
                return null;
            });
        }
    }

    private static Locator button(Locator within, String text) {
        return within.locator("vaadin-button", new Locator.LocatorOptions().setHasText(text)).first();
    }

    /** The admin fills in the Mailchimp section of the plugin's settings form. */
    private static void configure(BrowserSession browser, Page page, FakeMailchimp mailchimp, String tag) {
        page.navigate(browser.url("plugins"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Settings email-list-sync")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Mailchimp API key").fill(mailchimp.apiKey());
        dialog.getByLabel("Mailchimp API URL").fill(mailchimp.baseUrl());
        dialog.getByLabel("Mailchimp audience id").fill(mailchimp.listId());
        dialog.getByLabel("Mailchimp: only supporters tagged").fill(tag);
        browser.screenshot(page, "lists-0-settings");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        page.getByText("Saved the settings of email-list-sync.").waitFor();
    }
}
