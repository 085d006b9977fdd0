package org.grassroots.crm.listsync.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.grassroots.crm.listsync.FakeEmailList;
import org.grassroots.crm.listsync.FakeLists;
import org.grassroots.crm.listsync.SyncWorld;
import org.grassroots.crm.ui.JobProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

/** The Email lists screen without a browser, with a fake list provider and the real engine, jobs and database. */
@SpringBootTest
@Import(FakeLists.Config.class)
class ListSyncViewTest extends SpringBrowserlessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    SyncWorld world;

    private FakeEmailList list;

    @AfterEach
    void forgetTheList() {
        if (list != null) {
            world.lists.remove(list);
        }
    }

    @Test
    @WithMockUser(username = "organizer", roles = "ORGANIZER")
    void withNoListConnectedTheScreenSaysHowToConnectOne() {
        navigate(ListSyncView.class);

        assertThat($(Paragraph.class).withClassName("list-sync-empty").single().getText())
                .isEqualTo(ListSyncView.EMPTY);
        assertThat($(Anchor.class).withText("Open the Plugins screen").exists()).as("only admins can").isFalse();
        assertThat($(ListCard.class).exists()).isFalse();
    }

    @Test
    @WithMockUser(username = "organizer", roles = "ORGANIZER")
    void anOrganizerTestsTheConnectionDryRunsSyncsAndReadsTheLog() {
        String tag = SyncWorld.unique("view");
        list = world.list(tag);
        IntStream.range(0, 3).forEach(i -> world.person(tag));
        navigate(ListSyncView.class);
        ListCard card = $(ListCard.class).single();
        assertThat(card.log.getEmptyStateText()).startsWith("No syncs yet.");

        test(card.test).click();
        assertThat(card.connection.getText()).isEqualTo("Connected to " + list.id() + " (0 members)");

        test(card.dryRun).click();
        assertThat(card.sync.isEnabled()).as("one job at a time from here").isFalse();
        String dryRun = resultOf(card);
        assertThat(dryRun).isEqualTo("Counted. Would add 3, update 0, unsubscribe 0, remove 0");
        assertThat(list.pushed()).as("a dry run sends nothing").isEmpty();

        test(card.sync).click();
        assertThat(resultOf(card)).isEqualTo("Finished. Pulled back 0; added 3, updated 0, unsubscribed 0, removed 0");
        assertThat(list.subscribed()).hasSize(3);
        assertThat(test(card.log).size()).isEqualTo(2);
        assertThat(test(card.log).getCellText(0, 1)).isEqualTo("Sync");
        assertThat(test(card.log).getCellText(0, 2)).isEqualTo("organizer");
        assertThat(test(card.log).getCellText(1, 1)).isEqualTo("Dry run");
        assertThat(card.dryRun.isEnabled()).isTrue();
    }

    @Test
    @WithMockUser(username = "analyst", roles = "ANALYST")
    void analystsCannotOpenIt() {
        Component shown = navigate("lists", Component.class);

        assertThat(shown).isNotInstanceOf(ListSyncView.class);
        assertThat(shown.getElement().getTextRecursively()).contains("We couldn't find that page");
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
