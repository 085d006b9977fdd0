package org.grassroots.crm.listsync.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.people.NewPerson;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PostalAddress;
import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingsDescriptor;
import org.grassroots.crm.pluginhost.PluginAdminService;
import org.grassroots.crm.pluginhost.TestPluginJars;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginExtension;
import org.grassroots.crm.pluginhost.PluginSettingsService;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.JobProgress;
import org.grassroots.plugins.emaillistsync.mailchimp.FakeMailchimp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Email lists screen without a browser: the real email-list-sync plugin jar, its Mailchimp provider pointed at the
 * local Mailchimp fake, and the real engine, jobs and database (the application's own test context, so no second
 * Spring context changes the signed-in user of the other view tests).
 */
@SpringBootTest
class ListSyncViewTest extends SpringBrowserlessTest {

    private static final Path PLUGIN_JAR = Path.of("../plugins/email-list-sync/target/email-list-sync-1.0.0.jar");
    private static final String PLUGIN = "email-list-sync";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    PluginAdminService plugins;

    @Autowired
    PluginCalls calls;

    @Autowired
    PluginSettingsService settings;

    @Autowired
    PersonService people;

    private FakeMailchimp mailchimp;

    @AfterEach
    void uninstall() {
        TestSecurity.signInAs("admin", Role.ADMIN);
        plugins.find(PLUGIN).ifPresent(plugin -> plugins.uninstall(plugin.id()));
        if (mailchimp != null) {
            mailchimp.close();
        }
    }

    @Test
    void withNoListConnectedTheScreenSaysHowToConnectOne() {
        TestSecurity.signInAs("admin", Role.ADMIN);
        plugins.find(PLUGIN).ifPresent(plugin -> plugins.uninstall(plugin.id()));
        TestSecurity.signInAs("organizer", Role.ORGANIZER);

        navigate(ListSyncView.class);

        assertThat($(Paragraph.class).withClassName("list-sync-empty").single().getText())
                .isEqualTo(ListSyncView.EMPTY);
        assertThat($(Anchor.class).withText("Open the Plugins screen").exists()).as("only admins can").isFalse();
        assertThat($(ListCard.class).exists()).isFalse();
    }

    @Test
    void anUnconfiguredListSaysWhatIsMissingAndOffersNoSync() throws IOException {
        install();
        TestSecurity.signInAs("admin", Role.ADMIN);

        navigate(ListSyncView.class);

        ListCard mailchimpCard = card("Mailchimp");
        assertThat($(Paragraph.class, mailchimpCard).withClassName("list-card-setup").single().getText())
                .startsWith("Not set up yet: fill in the Mailchimp connection");
        assertThat($(Anchor.class, mailchimpCard).withText("Open the Plugins screen").exists()).isTrue();
        assertThat(mailchimpCard.sync.isEnabled()).isFalse();
        assertThat(mailchimpCard.dryRun.isEnabled()).isFalse();
    }

    @Test
    void anOrganizerTestsTheConnectionDryRunsSyncsAndReadsTheLog() throws IOException {
        install();
        mailchimp = FakeMailchimp.start();
        String tag = "view-" + UUID.randomUUID().toString().substring(0, 8);
        configure(tag);
        TestSecurity.signInAs("organizer", Role.ORGANIZER);
        IntStream.range(0, 3).forEach(i -> people.create(new NewPerson("Ada" + i, "Viewtest", List.of(
                tag + "-" + i + "@example.org"), List.of(), PostalAddress.empty(), null, List.of(tag))));

        navigate(ListSyncView.class);
        ListCard card = card("Mailchimp");
        assertThat(card.log.getEmptyStateText()).startsWith("No syncs yet.");

        test(card.test).click();
        assertThat(card.connection.getText()).isEqualTo("Connected to audience 'Grassroots members' (0 members)");

        test(card.dryRun).click();
        assertThat(card.sync.isEnabled()).as("one job at a time from here").isFalse();
        assertThat(resultOf(card)).isEqualTo("Counted. Would add 3, update 0, unsubscribe 0, remove 0");
        assertThat(mailchimp.memberCount()).as("a dry run sends nothing").isZero();

        test(card.sync).click();
        assertThat(resultOf(card)).isEqualTo("Finished. Pulled back 0; added 3, updated 0, unsubscribed 0, removed 0");
        assertThat(mailchimp.memberCount()).isEqualTo(3);
        assertThat(test(card.log).size()).isEqualTo(2);
        assertThat(test(card.log).getCellText(0, 1)).isEqualTo("Sync");
        assertThat(test(card.log).getCellText(0, 2)).isEqualTo("organizer");
        assertThat(test(card.log).getCellText(1, 1)).isEqualTo("Dry run");
        assertThat(card.dryRun.isEnabled()).isTrue();
    }

    @Test
    void analystsCannotOpenIt() {
        TestSecurity.signInAs("analyst", Role.ANALYST);

        Component shown = navigate("lists", Component.class);

        assertThat(shown).isNotInstanceOf(ListSyncView.class);
        assertThat(shown.getElement().getTextRecursively()).contains("We couldn't find that page");
    }

    private void install() throws IOException {
        TestSecurity.signInAs("admin", Role.ADMIN);
        TestPluginJars.installIfAbsent(plugins, PLUGIN, PLUGIN_JAR);
    }

    /** Points the Mailchimp provider at the fake, for supporters with the tag, as the settings form would. */
    private void configure(String tag) {
        TestSecurity.signInAs("admin", Role.ADMIN);
        PluginExtension<SettingsDescriptor> descriptor = calls.extension(SettingsDescriptor.class, PLUGIN, "settings")
                .orElseThrow();
        List<SettingField> fields = calls.call(descriptor, "list its settings", SettingsDescriptor::fields);
        settings.save(PLUGIN, fields, Map.of("mailchimp.apiKey", mailchimp.apiKey(), "mailchimp.baseUrl",
                mailchimp.baseUrl(), "mailchimp.listId", mailchimp.listId(), "mailchimp.segment.tags", tag),
                values -> calls.call(descriptor, "check its settings", d -> d.validate(values)));
    }

    private ListCard card(String name) {
        return $(ListCard.class).all().stream()
                .filter(card -> card.getElement().getTextRecursively().contains(name)).findFirst().orElseThrow();
    }

    /** Follows the card's job as the page's live updates would, until it has ended; the result line it shows. */
    private String resultOf(ListCard card) {
        JobProgress progress = $(JobProgress.class, card.status).single();
        await().atMost(WAIT).pollInSameThread().pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            progress.refresh();
            assertThat($(Paragraph.class, card.status).withClassName("list-card-result").exists()).isTrue();
        });
        return $(Paragraph.class, card.status).withClassName("list-card-result").single().getText();
    }
}
