package org.grassroots.crm.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What happens to a job when the instance running it goes away: killed, or shut down in good order. */
@SpringBootTest
class JobRunnerTest {

    @Autowired
    JobRunner runner;

    @Autowired
    JobStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aJobLeftRunningByAnInstanceThatDiedRunsAgainAsItsNextAttempt() {
        long id = leftRunningByADeadInstance("test:flaky", Map.of("failures", "0"), 3);

        await().atMost(Duration.ofSeconds(20)).until(() -> state(id).equals("SUCCEEDED"));

        assertThat(store.find(id).orElseThrow().attempt()).isEqualTo(2);
        assertThat(store.find(id).orElseThrow().node()).isNotEqualTo("vanished:1");
        assertThat(store.log(id)).anySatisfy(line -> assertThat(line.line())
                .isEqualTo("Attempt 1 stopped with instance vanished:1 before it finished; running it again"));
    }

    @Test
    void aJobLeftRunningInItsLastAttemptFails() {
        long id = leftRunningByADeadInstance("test:count", Map.of("n", "3"), 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> state(id).equals("FAILED"));

        assertThat(store.find(id).orElseThrow().error())
                .isEqualTo("Attempt 1 stopped with instance vanished:1 before it finished");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'JOB_FAILED' AND target_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isOne();
    }

    @Test
    void aJobThatStopsForAShutdownIsQueuedAgainWithoutUsingUpAnAttempt() {
        // no db-scheduler execution: this test runs the attempt itself, as a stopping instance would
        long id = store.insert("test:until-cancelled", "Interrupted by a deploy", Map.of(), "tester", null, null);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        CompletableFuture<JobRunner.Outcome> attempt = CompletableFuture.supplyAsync(
                () -> runner.run(id, "stopping:1", shuttingDown::get));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.find(id).orElseThrow().progressDone() > 0);

        shuttingDown.set(true);

        JobRunner.Outcome outcome = attempt.join();
        assertThat(outcome.runAgainAt()).as("its execution comes back at once, for any instance").isNotNull();
        assertThat(state(id)).isEqualTo("QUEUED");
        assertThat(store.find(id).orElseThrow().attempt()).isZero();
        assertThat(store.log(id)).last().extracting(line -> line.line())
                .isEqualTo("Stopped because stopping:1 is shutting down; it will run again");
        store.finish(id, org.grassroots.crm.jobs.JobState.CANCELLED, null);
    }

    private long leftRunningByADeadInstance(String type, Map<String, String> parameters, int maxAttempts) {
        long id = store.insert(type, "Running when its instance died", parameters, "tester", null, null);
        jdbc.sql("""
                UPDATE job SET state = 'RUNNING', attempt = 1, max_attempts = :max, node = 'vanished:1',
                               started_at = now() - interval '1 hour'
                WHERE id = :id""").param("id", id).param("max", maxAttempts).update();
        jdbc.sql("""
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
                                             last_heartbeat, version)
                VALUES ('crm-job', :id, now() - interval '1 hour', TRUE, 'vanished:1', now() - interval '1 hour', 2)
                """).param("id", String.valueOf(id)).update();
        return id;
    }

    private String state(long id) {
        return jdbc.sql("SELECT state FROM job WHERE id = :id").param("id", id).query(String.class).single();
    }
}
