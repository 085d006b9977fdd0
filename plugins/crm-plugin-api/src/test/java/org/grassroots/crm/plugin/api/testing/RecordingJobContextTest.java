package org.grassroots.crm.plugin.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.junit.jupiter.api.Test;

class RecordingJobContextTest {

    @Test
    void recordsProgressCountersAndLogs() {
        RecordingJobContext job = new RecordingJobContext(42, "system", 2, Map.of("listId", "1a2b"));

        job.progress(0, -1);
        job.progress(500, 1000);
        job.count("sent", 400);
        job.count("failed", 1);
        job.count("sent", 99);
        job.log("pushed 499 members");

        assertThat(job.jobId()).isEqualTo(42);
        assertThat(job.requestedBy()).isEqualTo("system");
        assertThat(job.attempt()).isEqualTo(2);
        assertThat(job.parameters()).containsEntry("listId", "1a2b");
        assertThat(job.progressReports()).containsExactly(new RecordingJobContext.Progress(0, -1),
                new RecordingJobContext.Progress(500, 1000));
        assertThat(job.lastProgress()).isEqualTo(new RecordingJobContext.Progress(500, 1000));
        assertThat(job.counters()).containsExactly(Map.entry("sent", 499L), Map.entry("failed", 1L));
        assertThat(job.counter("skipped")).isZero();
        assertThat(job.logs()).containsExactly("pushed 499 members");
        assertThat(new RecordingJobContext().lastProgress()).isNull();
    }

    @Test
    void cancelsAtOnceOrAfterSomeChecks() {
        RecordingJobContext job = new RecordingJobContext().cancelAfterChecks(3);

        assertThatThrownBy(() -> {
            for (int row = 0; row < 100; row++) {
                job.checkCancelled();
            }
        }).isInstanceOf(JobCancelledException.class);
        assertThat(job.cancellationChecks()).isEqualTo(4);
        assertThat(job.isCancelled()).isTrue();

        RecordingJobContext cancelled = new RecordingJobContext().cancel();
        assertThat(cancelled.isCancelled()).isTrue();
    }
}
