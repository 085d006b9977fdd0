package org.grassroots.crm.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.grassroots.crm.jobs.internal.JobScheduler;
import org.grassroots.crm.jobs.internal.JobsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cluster safety: a second db-scheduler instance with its own name and threads works the same tables next to the
 * application's, as a second application instance on the same database would.
 */
@SpringBootTest
class TwoInstancesTest {

    private static final String SECOND = "second-instance";
    private static final int SCHEDULES = 6;
    private static final int ONE_TIME_JOBS = 12;

    @Autowired
    JobScheduler jobScheduler;

    @Autowired
    JobSchedules schedules;

    @Autowired
    JobService jobs;

    @Autowired
    JobsProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTickAndEveryJobRunsExactlyOnceAcrossTwoLiveInstances() throws InterruptedException {
        jdbc.sql(TestJobHandlers.RUNS_TABLE).update();
        String prefix = "test:cluster-" + UUID.randomUUID() + ":";
        List<Long> oneTime = new ArrayList<>();
        Scheduler second = jobScheduler.newScheduler(SECOND);
        second.start();
        try {
            for (int i = 0; i < SCHEDULES; i++) {
                schedules.schedule(prefix + i, "* * * * * *",
                        new JobRequest(TestJobHandlers.RECORD, "Every second " + i, Map.of()));
            }
            // more work at once than one instance has threads for
            for (int i = 0; i < ONE_TIME_JOBS; i++) {
                oneTime.add(jobs.submit(new JobRequest(TestJobHandlers.RECORD, "Once " + i, Map.of("millis", "300"))));
            }
            Thread.sleep(5000);
        } finally {
            for (int i = 0; i < SCHEDULES; i++) {
                schedules.unschedule(prefix + i);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> activeJobs(prefix, oneTime) == 0);
            second.stop();
        }

        List<Map<String, Object>> tickRuns = jdbc.sql("""
                SELECT r.job_id, r.schedule_id, r.scheduled_for, r.node FROM test_job_run r
                WHERE r.schedule_id LIKE :prefix""").param("prefix", prefix + "%").query().listOfRows();
        assertThat(tickRuns).as("about five ticks of each schedule").hasSizeGreaterThanOrEqualTo(SCHEDULES * 3);
        assertThat(tickRuns).extracting(run -> run.get("schedule_id") + "@" + run.get("scheduled_for"))
                .as("no tick ran twice").doesNotHaveDuplicates();
        assertThat(tickRuns).extracting(run -> run.get("job_id")).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM job WHERE schedule_id LIKE :prefix", prefix + "%"))
                .as("one job per tick, each run once").isEqualTo(tickRuns.size());

        List<Map<String, Object>> oneTimeRuns = jdbc.sql("SELECT job_id, node FROM test_job_run WHERE job_id IN ("
                + String.join(",", oneTime.stream().map(String::valueOf).toList()) + ")").query().listOfRows();
        assertThat(oneTimeRuns).extracting(run -> run.get("job_id")).as("each job ran exactly once")
                .containsExactlyInAnyOrderElementsOf(oneTime.stream().map(Object.class::cast).toList());

        List<Object> nodes = new ArrayList<>();
        tickRuns.forEach(run -> nodes.add(run.get("node")));
        oneTimeRuns.forEach(run -> nodes.add(run.get("node")));
        assertThat(nodes).as("both instances did work").contains(properties.nodeName(), SECOND)
                .containsOnly(properties.nodeName(), SECOND);
    }

    private long activeJobs(String prefix, List<Long> oneTime) {
        return count("SELECT count(*) FROM job WHERE state IN ('QUEUED', 'RUNNING', 'RETRY_WAIT') AND "
                + "(schedule_id LIKE :prefix OR id IN (" + String.join(",", oneTime.stream()
                .map(String::valueOf).toList()) + "))", prefix + "%");
    }

    private long count(String sql, String prefix) {
        return jdbc.sql(sql).param("prefix", prefix).query(Long.class).single();
    }
}
