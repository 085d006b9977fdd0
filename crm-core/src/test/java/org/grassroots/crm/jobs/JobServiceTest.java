package org.grassroots.crm.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.internal.JobsProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class JobServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    JobService jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobsProperties properties;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSubmittedJobRunsAndKeepsItsProgressCountersAndLog() {
        signIn("organizer-jobs", "ORGANIZER");
        long id = jobs.submit(new JobRequest(TestJobHandlers.COUNT, "Count to forty", Map.of("n", "40")));

        JobSummary done = awaitState(id, JobState.SUCCEEDED);

        assertThat(done.requestedBy()).isEqualTo("organizer-jobs");
        assertThat(done.title()).isEqualTo("Count to forty");
        assertThat(done.parameters()).containsEntry("n", "40");
        assertThat(done.progressDone()).isEqualTo(40);
        assertThat(done.progressTotal()).isEqualTo(40);
        assertThat(done.counts()).as("in the order first counted, not alphabetical")
                .containsExactly(new JobCount("zebra rows", 40), new JobCount("apple rows", 20));
        assertThat(done.attempt()).isEqualTo(1);
        assertThat(done.node()).isNotBlank();
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.error()).isNull();
        assertThat(jobs.log(id)).extracting(JobLogLine::line)
                .startsWith("Submitted by organizer-jobs")
                .contains("Counted 10", "Counted 40", "Finished");
        assertThat(executionExists(id)).as("the db-scheduler execution is gone").isFalse();
    }

    @Test
    void aFailingAttemptIsRetriedAfterItsBackoffAndTheSecondAttemptSucceeds() {
        signIn("fundraiser-jobs", "FUNDRAISER");
        long id = jobs.submit(new JobRequest(TestJobHandlers.FLAKY, "Sync once flaky", Map.of("failures", "1")));

        JobSummary done = awaitState(id, JobState.SUCCEEDED);

        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.maxAttempts()).isEqualTo(3);
        assertThat(done.counts()).containsExactly(new JobCount("synced", 7));
        assertThat(jobs.log(id)).extracting(JobLogLine::line).anySatisfy(line -> assertThat(line)
                .startsWith("Attempt 1 failed: The remote list said no (attempt 1) — trying again at"))
                .contains("Attempt 2 of 3 started on " + done.node());
    }

    @Test
    void aJobThatKeepsFailingEndsFailedWithItsMessageAfterItsLastAttemptAndIsAudited() {
        signIn("fundraiser-jobs", "FUNDRAISER");
        long id = jobs.submit(new JobRequest(TestJobHandlers.ALWAYS_FAILS, "Send the newsletter", Map.of()));

        JobSummary failed = awaitState(id, JobState.FAILED);

        assertThat(failed.attempt()).isEqualTo(2);
        assertThat(failed.maxAttempts()).isEqualTo(2);
        assertThat(failed.error()).isEqualTo("The mail service is down");
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(auditEvents("JOB_FAILED", id)).isOne();
        assertThat(executionExists(id)).isFalse();
    }

    @Test
    void aJobWhoseTypeNobodyHandlesFailsWithAClearMessage() {
        signIn("organizer-jobs", "ORGANIZER");
        long id = jobs.submit(new JobRequest("plugin:gone:import", "Import from a removed plugin", Map.of()));

        JobSummary failed = awaitState(id, JobState.FAILED);

        assertThat(failed.error()).contains("No handler for job type 'plugin:gone:import'")
                .contains("not installed or not started");
        assertThat(failed.attempt()).isZero();
        assertThat(auditEvents("JOB_FAILED", id)).isOne();
    }

    @Test
    void typesComeFromHandlerBeansFirstAndThenFromHandlerSources() {
        signIn("organizer-jobs", "ORGANIZER");
        long fromSource = jobs.submit(new JobRequest(TestJobHandlers.FROM_SOURCE, "Echo", Map.of("say", "hello")));
        long fromBean = jobs.submit(new JobRequest(TestJobHandlers.COUNT, "Count to two", Map.of("n", "2")));

        assertThat(awaitState(fromSource, JobState.SUCCEEDED).counts()).containsExactly(new JobCount("hello", 1));
        assertThat(awaitState(fromBean, JobState.SUCCEEDED).progressDone()).isEqualTo(2);
    }

    @Test
    void cancellingARunningJobStopsItAtItsNextCheck() {
        signIn("organizer-jobs", "ORGANIZER");
        long id = jobs.submit(new JobRequest(TestJobHandlers.UNTIL_CANCELLED, "Loop", Map.of()));
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT progress_done FROM job WHERE id = :id").param("id", id)
                .query(Long.class).single() > 0);

        jobs.cancel(id);

        assertThat(jobs.find(id).orElseThrow().cancelRequested()).isTrue();
        JobSummary cancelled = awaitState(id, JobState.CANCELLED);
        assertThat(cancelled.error()).isNull();
        assertThat(cancelled.finishedAt()).isNotNull();
        assertThat(jobs.log(id)).extracting(JobLogLine::line)
                .contains("Cancel requested by organizer-jobs", "Cancelled");
        assertThat(auditEvents("JOB_CANCELLED", id)).isOne();
    }

    @Test
    void cancellingAQueuedJobEndsItAtOnceAndRemovesItsRun() {
        signIn("organizer-jobs", "ORGANIZER");
        List<Long> blockers = new ArrayList<>();
        for (int i = 0; i < properties.threads(); i++) {
            blockers.add(jobs.submit(new JobRequest(TestJobHandlers.UNTIL_CANCELLED, "Blocker " + i, Map.of())));
        }
        try {
            blockers.forEach(blocker -> awaitState(blocker, JobState.RUNNING));
            long queued = jobs.submit(new JobRequest(TestJobHandlers.COUNT, "Waits its turn", Map.of("n", "1")));
            assertThat(executionExists(queued)).isTrue();

            jobs.cancel(queued);

            JobSummary cancelled = jobs.find(queued).orElseThrow();
            assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
            assertThat(cancelled.attempt()).isZero();
            assertThat(executionExists(queued)).isFalse();
            assertThat(auditEvents("JOB_CANCELLED", queued)).isOne();
            jobs.cancel(queued);
            assertThat(auditEvents("JOB_CANCELLED", queued)).as("cancelling an ended job does nothing").isOne();
        } finally {
            blockers.forEach(jobs::cancel);
        }
        blockers.forEach(blocker -> awaitState(blocker, JobState.CANCELLED));
    }

    @Test
    void aJobWaitingToRetryIsCancelledAtOnce() {
        signIn("organizer-jobs", "ORGANIZER");
        long id = jobs.submit(new JobRequest(TestJobHandlers.RETRY_IN_AN_HOUR, "Fails, then waits", Map.of()));
        JobSummary waiting = awaitState(id, JobState.RETRY_WAIT);
        assertThat(waiting.error()).isEqualTo("Not now");
        assertThat(waiting.nextAttemptAt()).isBetween(waiting.startedAt().plus(Duration.ofMinutes(59)),
                waiting.startedAt().plus(Duration.ofMinutes(73)));
        assertThat(executionExists(id)).isTrue();

        jobs.cancel(id);

        assertThat(jobs.find(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(executionExists(id)).isFalse();
    }

    @Test
    void peopleSeeAndCancelTheirOwnJobsAndAdminsEverybodys() {
        signIn("owner-jobs", "ORGANIZER");
        long id = jobs.submit(new JobRequest(TestJobHandlers.UNTIL_CANCELLED, "Mine", Map.of()));
        assertThat(jobs.recent(50)).extracting(JobSummary::id).contains(id);

        signIn("other-jobs", "ORGANIZER");
        assertThat(jobs.find(id)).isEmpty();
        assertThat(jobs.log(id)).isEmpty();
        assertThat(jobs.recent(50)).extracting(JobSummary::id).doesNotContain(id);
        assertThatThrownBy(() -> jobs.cancel(id)).isInstanceOf(AccessDeniedException.class);

        signIn("admin-jobs", "ADMIN");
        assertThat(jobs.recent(50)).extracting(JobSummary::id).contains(id);
        assertThat(jobs.find(id)).get().extracting(JobSummary::requestedBy).isEqualTo("owner-jobs");
        jobs.cancel(id);
        awaitState(id, JobState.CANCELLED);
        assertThatThrownBy(() -> jobs.cancel(Long.MAX_VALUE)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("No job #" + Long.MAX_VALUE);

        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> jobs.recent(10)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        long bySystem = jobs.submit(new JobRequest(TestJobHandlers.COUNT, "No user", Map.of("n", "1")));
        signIn("admin-jobs", "ADMIN");
        assertThat(jobs.find(bySystem)).get().extracting(JobSummary::requestedBy).isEqualTo("system");
        signIn("system", "ORGANIZER");
        assertThat(jobs.find(bySystem)).as("a staff account called system owns nothing").isEmpty();
        assertThat(jobs.recent(50)).isEmpty();
    }

    @Test
    void aBadRequestIsRefusedNamingWhatIsWrong() {
        signIn("organizer-jobs", "ORGANIZER");
        assertThatThrownBy(() -> jobs.submit(new JobRequest(" ", "Title", Map.of())))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("type");
        assertThatThrownBy(() -> jobs.submit(new JobRequest("test:count", "", Map.of())))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("title");
        assertThatThrownBy(() -> jobs.submit(new JobRequest("test:count", "T", Map.of("file", "x".repeat(2001)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'file'");
    }

    private JobSummary awaitState(long id, JobState state) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> stateOf(id) == state);
        return jdbcFind(id);
    }

    private JobSummary awaitEnded(long id) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !stateOf(id).isActive());
        return jdbcFind(id);
    }

    private JobState stateOf(long id) {
        return JobState.valueOf(jdbc.sql("SELECT state FROM job WHERE id = :id").param("id", id)
                .query(String.class).single());
    }

    /** Reads as an admin, whoever the test is signed in as. */
    private JobSummary jdbcFind(long id) {
        var previous = SecurityContextHolder.getContext();
        signIn("reader-admin", "ADMIN");
        try {
            return jobs.find(id).orElseThrow();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private boolean executionExists(long id) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'crm-job' AND task_instance = :id")
                .param("id", String.valueOf(id)).query(Long.class).single() > 0;
    }

    private long auditEvents(String action, long id) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND target_id = :id")
                .param("action", action).param("id", String.valueOf(id)).query(Long.class).single();
    }

    static void signIn(String username, String role) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "n/a",
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
        SecurityContextHolder.setContext(context);
    }
}
