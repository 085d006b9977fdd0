package org.grassroots.plugins.listhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.testing.InMemoryPluginSettings;
import org.grassroots.crm.plugin.api.testing.InMemoryPluginStorage;
import org.grassroots.crm.plugin.api.testing.InMemorySupporterDirectory;
import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.junit.jupiter.api.Test;

class ListHealthCheckTest {

    private final InMemorySupporterDirectory directory = new InMemorySupporterDirectory();
    private final InMemoryPluginStorage storage = new InMemoryPluginStorage("list-health");
    private final InMemoryPluginSettings settings =
            new InMemoryPluginSettings("list-health", new ListHealthSettings().fields());
    private final ListHealthCheck check = new ListHealthCheck(directory, storage, settings);

    @Test
    void countsTheListByStatusAndKeepsASnapshot() {
        directory.add(1, "ana@example.org", EmailStatus.SUBSCRIBED);
        directory.add(2, "bo@example.org", EmailStatus.SUBSCRIBED);
        directory.add(3, "cy@example.org", EmailStatus.UNSUBSCRIBED);
        directory.add(4, "di@example.org", EmailStatus.NOT_SUBSCRIBED);
        RecordingJobContext job = new RecordingJobContext();

        check.run(job);

        assertThat(job.counters()).containsEntry("subscribed", 2L).containsEntry("unsubscribed", 1L)
                .containsEntry("not subscribed", 1L)
                .containsEntry("bouncing", 0L).containsEntry("spam complaints", 0L).doesNotContainKey("alerts");
        assertThat(job.lastProgress()).isEqualTo(new RecordingJobContext.Progress(5, 5));
        assertThat(storage.get(ListHealthCheck.SNAPSHOT_KEY)).get().asString()
                .contains("SUBSCRIBED=2").contains("UNSUBSCRIBED=1");
        assertThat(job.logs()).as("nothing to compare with on the first run").isEmpty();
    }

    @Test
    void comparesWithThePreviousRun() {
        directory.add(1, "ana@example.org", EmailStatus.SUBSCRIBED);
        check.run(new RecordingJobContext());
        directory.add(2, "bo@example.org", EmailStatus.SUBSCRIBED);
        directory.add(3, "cy@example.org", EmailStatus.SUBSCRIBED);
        RecordingJobContext second = new RecordingJobContext();

        check.run(second);

        assertThat(second.logs()).singleElement().asString().startsWith("Since ").contains("subscribed +2")
                .contains("bouncing +0");
    }

    @Test
    void alertsWhenBouncesPassTheThreshold() {
        for (int i = 0; i < 97; i++) {
            directory.add(i + 1, "p" + i + "@example.org", EmailStatus.SUBSCRIBED);
        }
        for (int i = 97; i < 100; i++) {
            directory.add(i + 1, "p" + i + "@example.org", EmailStatus.BOUNCING);
        }
        RecordingJobContext atDefault = new RecordingJobContext();
        check.run(atDefault);
        assertThat(atDefault.counter("alerts")).as("3%% bouncing is over the default 2%%").isEqualTo(1);
        assertThat(atDefault.logs()).anyMatch(line -> line.startsWith("Alert: 3.0% of addresses are bouncing"));

        settings.set(ListHealthSettings.BOUNCE_ALERT_PERCENT, "5");
        RecordingJobContext atFive = new RecordingJobContext();
        check.run(atFive);
        assertThat(atFive.counter("alerts")).isZero();
    }

    @Test
    void stopsWhenCancelled() {
        directory.add(1, "ana@example.org", EmailStatus.SUBSCRIBED);
        RecordingJobContext job = new RecordingJobContext().cancelAfterChecks(2);

        assertThatThrownBy(() -> check.run(job)).isInstanceOf(JobCancelledException.class);
        assertThat(storage.get(ListHealthCheck.SNAPSHOT_KEY)).as("a cancelled run stores no snapshot").isEmpty();
    }

    @Test
    void settingsRefuseAPercentageOutOfRange() {
        ListHealthSettings descriptor = new ListHealthSettings();
        assertThat(descriptor.validate(Map.of(ListHealthSettings.BOUNCE_ALERT_PERCENT, "0")))
                .singleElement().extracting(problem -> problem.key()).isEqualTo(ListHealthSettings.BOUNCE_ALERT_PERCENT);
        assertThat(descriptor.validate(Map.of(ListHealthSettings.BOUNCE_ALERT_PERCENT, "2"))).isEmpty();
    }
}
