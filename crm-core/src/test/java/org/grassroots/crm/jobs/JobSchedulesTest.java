package org.grassroots.crm.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class JobSchedulesTest {

    private static final String EVERY_SECOND = "* * * * * *";

    @Autowired
    JobSchedules schedules;

    @Autowired
    JobService jobs;

    @Autowired
    JdbcClient jdbc;

    private String scheduleId;

    @BeforeEach
    void newSchedule() {
        jdbc.sql(TestJobHandlers.RUNS_TABLE).update();
        scheduleId = "test:schedule-" + UUID.randomUUID();
    }

    @AfterEach
    void removeSchedule() {
        schedules.unschedule(scheduleId);
        SecurityContextHolder.clearContext();
    }

    @Test
    void aScheduleSubmitsOneSystemJobPerTickUntilItIsRemoved() {
        schedules.schedule(scheduleId, EVERY_SECOND, new JobRequest(TestJobHandlers.RECORD, "Tick", Map.of()));

        await().atMost(Duration.ofSeconds(10)).until(() -> runs() >= 3);
        schedules.unschedule(scheduleId);

        List<Map<String, Object>> scheduled = jdbc.sql("SELECT requested_by, scheduled_for, state FROM job "
                + "WHERE schedule_id = :id").param("id", scheduleId).query().listOfRows();
        assertThat(scheduled).allSatisfy(job -> assertThat(job.get("requested_by")).isEqualTo("system"));
        assertThat(scheduled).extracting(job -> job.get("scheduled_for")).doesNotHaveDuplicates()
                .allSatisfy(tick -> assertThat(((Timestamp) tick).toInstant().getNano()).isZero());
        assertThat(tickExecutionExists()).isFalse();
        long jobsWhenRemoved = scheduled.size();
        sleep(1500);
        assertThat(count("SELECT count(*) FROM job WHERE schedule_id = :id")).isEqualTo(jobsWhenRemoved);
    }

    @Test
    void aTickIsSkippedWhileThePreviousRunIsStillGoing() {
        schedules.schedule(scheduleId, EVERY_SECOND,
                new JobRequest(TestJobHandlers.UNTIL_CANCELLED, "Long run", Map.of()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM job WHERE schedule_id = :id AND state = 'RUNNING'") == 1);

        sleep(2500);

        assertThat(count("SELECT count(*) FROM job WHERE schedule_id = :id")).isOne();
        assertThat(count("SELECT count(*) FROM job_schedule WHERE schedule_id = :id AND last_tick_at > now() - "
                + "interval '2 seconds'")).as("the ticks went on, they only skipped").isOne();
        long running = count("SELECT id FROM job WHERE schedule_id = :id");
        JobServiceTest.signIn("admin-schedules", "ADMIN");
        jobs.cancel(running);
    }

    @Test
    void schedulingAgainWithTheSameCronKeepsTheTickAndANewCronMovesIt() {
        JobRequest request = new JobRequest(TestJobHandlers.RECORD, "Nightly", Map.of("list", "7"));
        schedules.schedule(scheduleId, "0 0 3 * * *", request);
        Timestamp first = nextRun();
        schedules.schedule(scheduleId, "0 0 3 * * *", request);
        assertThat(nextRun()).isEqualTo(first);
        assertThat(first.toInstant().toString()).endsWith("T03:00:00Z");

        schedules.schedule(scheduleId, "0 30 4 * * MON-FRI", request);

        assertThat(nextRun().toInstant().toString()).endsWith("T04:30:00Z");
        assertThat(tickExecutionExists()).isTrue();
    }

    @Test
    void anAdminListsSchedulesAndSwitchesOneOffAndOnAgain() {
        schedules.schedule(scheduleId, "0 0 3 * * *", new JobRequest(TestJobHandlers.RECORD, "Nightly", Map.of()));
        JobServiceTest.signIn("organizer-schedules", "ORGANIZER");
        assertThatThrownBy(() -> schedules.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> schedules.setEnabled(scheduleId, false)).isInstanceOf(AccessDeniedException.class);

        JobServiceTest.signIn("admin-schedules", "ADMIN");
        schedules.setEnabled(scheduleId, false);

        JobScheduleInfo off = find();
        assertThat(off.enabled()).isFalse();
        assertThat(off.nextRunAt()).isNull();
        assertThat(tickExecutionExists()).isFalse();
        schedules.schedule(scheduleId, "0 0 3 * * *", new JobRequest(TestJobHandlers.RECORD, "Nightly", Map.of()));
        assertThat(find().enabled()).as("the owner scheduling again keeps the admin's switch").isFalse();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'JOB_SCHEDULE_CHANGED' "
                + "AND target_id = :id")).isOne();

        schedules.setEnabled(scheduleId, true);

        assertThat(find().enabled()).isTrue();
        assertThat(find().nextRunAt()).isNotNull();
        assertThat(tickExecutionExists()).isTrue();
    }

    @Test
    void anInvalidCronIsRefusedNamingTheExpression() {
        JobRequest request = new JobRequest(TestJobHandlers.RECORD, "Bad", Map.of());
        assertThatThrownBy(() -> schedules.schedule(scheduleId, "0 3 * * *", request))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'0 3 * * *'")
                .hasMessageContaining("six fields");
        assertThatThrownBy(() -> schedules.schedule(scheduleId, "0 0 0 30 2 *", request))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'0 0 0 30 2 *' never fires");
        assertThat(count("SELECT count(*) FROM job_schedule WHERE schedule_id = :id")).isZero();
    }

    private JobScheduleInfo find() {
        return schedules.list().stream().filter(info -> info.scheduleId().equals(scheduleId)).findFirst()
                .orElseThrow();
    }

    private long runs() {
        return count("SELECT count(*) FROM test_job_run WHERE schedule_id = :id");
    }

    private Timestamp nextRun() {
        return jdbc.sql("SELECT next_run_at FROM job_schedule WHERE schedule_id = :id").param("id", scheduleId)
                .query(Timestamp.class).single();
    }

    private boolean tickExecutionExists() {
        return count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'crm-schedule' "
                + "AND task_instance = :id") > 0;
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("id", scheduleId).query(Long.class).single();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
