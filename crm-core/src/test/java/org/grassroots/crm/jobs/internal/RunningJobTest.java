package org.grassroots.crm.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.junit.jupiter.api.Test;

/** The reporting throttle and the cancel check of a running job, against a clock the test moves. */
class RunningJobTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicBoolean cancelFlag = new AtomicBoolean();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final List<String> writes = new ArrayList<>();
    private int cancelReads;

    private final RunningJob job = new RunningJob(7, "alice", 1, Map.of("file", "march.csv"),
            new RunningJob.Reports() {
                @Override
                public void saveProgress(long jobId, long done, long total, String countsJson, List<String> lines) {
                    writes.add(done + "/" + total + " " + countsJson + " " + lines);
                }

                @Override
                public boolean isCancelRequested(long jobId) {
                    cancelReads++;
                    return cancelFlag.get();
                }
            }, shuttingDown::get, nanos::get);

    @Test
    void writesAtMostFourTimesASecondAndEverythingAtTheEnd() {
        for (int i = 1; i <= 1000; i++) {
            job.progress(i, 1000);
            job.count("rows", 1);
            nanos.addAndGet(1_000_000L); // 1 ms per row: one second in all
        }
        assertThat(writes).hasSizeBetween(4, 5);
        assertThat(writes.getFirst()).startsWith("1/1000");

        job.log("done reading");
        job.flush();

        assertThat(writes.getLast()).isEqualTo("1000/1000 [[\"rows\",1000]] [done reading]");
        int before = writes.size();
        job.flush();
        assertThat(writes).as("nothing new, nothing written").hasSize(before);
    }

    @Test
    void countersKeepTheOrderTheyWereFirstCountedIn() {
        job.count("sent", 2);
        job.count("bounced", 1);
        job.count("sent", 3);
        job.flush();
        assertThat(writes.getLast()).contains("[[\"sent\",5],[\"bounced\",1]]");
        assertThatThrownBy(() -> job.count(" ", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheCancelFlagAtMostTwiceASecond() {
        assertThat(job.isCancelled()).isFalse();
        cancelFlag.set(true);
        for (int i = 0; i < 100; i++) {
            assertThat(job.isCancelled()).isFalse();
            nanos.addAndGet(4_000_000L); // 400 ms in all
        }
        assertThat(cancelReads).isOne();
        nanos.addAndGet(100_000_000L);
        assertThatThrownBy(job::checkCancelled).isInstanceOf(JobCancelledException.class);
        assertThat(cancelReads).isEqualTo(2);
    }

    @Test
    void aStoppingInstanceReadsAsCancelledWithoutAskingTheDatabase() {
        shuttingDown.set(true);
        assertThat(job.isCancelled()).isTrue();
        assertThat(cancelReads).isZero();
    }

    @Test
    void anUnknownTotalIsStoredAsMinusOne() {
        job.progress(12, -5);
        job.flush();
        assertThat(writes.getLast()).startsWith("12/-1");
        assertThat(job.parameters()).containsEntry("file", "march.csv");
        assertThat(job.requestedBy()).isEqualTo("alice");
    }
}
