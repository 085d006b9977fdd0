package org.grassroots.crm.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.crm.jobs.JobLogLine;
import org.grassroots.crm.jobs.JobState;
import org.grassroots.crm.jobs.JobSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plain SQL over {@code job} and {@code job_log}. Writes that report on a running job use a transaction of their own,
 * so they are visible at once and survive a handler that rolls its own work back.
 */
@Repository
public class JobStore {

    /** Lines of a job's log that are kept; older ones are dropped as new ones arrive. */
    public static final int LOG_LINES_KEPT = 200;
    /** A longer log line is cut to this length. */
    public static final int LOG_LINE_MAX_LENGTH = 2000;

    private static final String COLUMNS = """
            id, type, title, parameters::text AS parameters, requested_by, state, progress_done, progress_total,
            counts::text AS counts, error, attempt, max_attempts, cancel_requested, schedule_id, scheduled_for,
            created_at, started_at, finished_at, next_attempt_at, node""";

    private final JdbcClient jdbc;

    JobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String type, String title, Map<String, String> parameters, String requestedBy,
            @Nullable String scheduleId, @Nullable Instant scheduledFor) {
        return jdbc.sql("""
                INSERT INTO job (type, title, parameters, requested_by, schedule_id, scheduled_for)
                VALUES (:type, :title, CAST(:parameters AS jsonb), :requestedBy, :scheduleId, :scheduledFor)
                RETURNING id""")
                .param("type", type).param("title", title).param("parameters", JobJson.parameters(parameters))
                .param("requestedBy", requestedBy).param("scheduleId", scheduleId)
                .param("scheduledFor", timestamp(scheduledFor))
                .query(Long.class).single();
    }

    public Optional<JobSummary> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job WHERE id = :id").param("id", id)
                .query(JobStore::summary).optional();
    }

    /** The job's row, locked until the caller's transaction ends. */
    public Optional<JobSummary> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job WHERE id = :id FOR UPDATE").param("id", id)
                .query(JobStore::summary).optional();
    }

    /** Newest first; everybody's when {@code requestedBy} is null. */
    public List<JobSummary> recent(@Nullable String requestedBy, int limit) {
        String where = requestedBy == null ? "" : "WHERE requested_by = :requestedBy";
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT " + COLUMNS + " FROM job " + where
                + " ORDER BY id DESC LIMIT :limit").param("limit", limit);
        if (requestedBy != null) {
            statement = statement.param("requestedBy", requestedBy);
        }
        return statement.query(JobStore::summary).list();
    }

    public boolean hasActiveJob(String scheduleId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM job WHERE schedule_id = :scheduleId
                               AND state IN ('QUEUED', 'RUNNING', 'RETRY_WAIT'))""")
                .param("scheduleId", scheduleId).query(Boolean.class).single();
    }

    /** Starts the next attempt: one more attempt, this node, first start time kept. */
    public void markRunning(long id, int maxAttempts, String node) {
        jdbc.sql("""
                UPDATE job SET state = 'RUNNING', attempt = attempt + 1, max_attempts = :maxAttempts, node = :node,
                               started_at = coalesce(started_at, now()), next_attempt_at = NULL, error = NULL
                WHERE id = :id""")
                .param("id", id).param("maxAttempts", maxAttempts).param("node", node).update();
    }

    /** Ends an active job; false if it had already ended. */
    public boolean finish(long id, JobState state, @Nullable String error) {
        return jdbc.sql("""
                UPDATE job SET state = :state, error = :error, finished_at = now(), next_attempt_at = NULL
                WHERE id = :id AND state IN ('QUEUED', 'RUNNING', 'RETRY_WAIT')""")
                .param("id", id).param("state", state.name()).param("error", error).update() == 1;
    }

    public void markRetryWait(long id, String error, Instant nextAttemptAt) {
        jdbc.sql("UPDATE job SET state = 'RETRY_WAIT', error = :error, next_attempt_at = :next "
                + "WHERE id = :id AND state = 'RUNNING'")
                .param("id", id).param("error", error).param("next", Timestamp.from(nextAttemptAt)).update();
    }

    /** Puts a running job back in the queue without counting the attempt it was interrupted in. */
    public void requeue(long id) {
        jdbc.sql("UPDATE job SET state = 'QUEUED', attempt = greatest(attempt - 1, 0) "
                + "WHERE id = :id AND state = 'RUNNING'").param("id", id).update();
    }

    public void requestCancel(long id) {
        jdbc.sql("UPDATE job SET cancel_requested = TRUE WHERE id = :id").param("id", id).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public boolean isCancelRequested(long id) {
        return jdbc.sql("SELECT cancel_requested FROM job WHERE id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(true);
    }

    /** Writes what a running job reported since the last write, in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void saveProgress(long id, long done, long total, String countsJson, List<String> newLogLines) {
        jdbc.sql("""
                UPDATE job SET progress_done = :done, progress_total = :total, counts = CAST(:counts AS jsonb)
                WHERE id = :id AND state = 'RUNNING'""")
                .param("id", id).param("done", done).param("total", total).param("counts", countsJson).update();
        appendLog(id, newLogLines);
    }

    /** Appends lines and drops all but the newest {@link #LOG_LINES_KEPT}. */
    public void appendLog(long id, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        for (String line : lines) {
            jdbc.sql("INSERT INTO job_log (job_id, line) VALUES (:id, :line)")
                    .param("id", id).param("line", line.length() > LOG_LINE_MAX_LENGTH
                            ? line.substring(0, LOG_LINE_MAX_LENGTH - 1) + "…" : line)
                    .update();
        }
        jdbc.sql("""
                DELETE FROM job_log WHERE job_id = :id AND id < (
                    SELECT min(id) FROM (SELECT id FROM job_log WHERE job_id = :id ORDER BY id DESC LIMIT :kept) newest)
                """).param("id", id).param("kept", LOG_LINES_KEPT).update();
    }

    public List<JobLogLine> log(long id) {
        return jdbc.sql("SELECT logged_at, line FROM job_log WHERE job_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, row) -> new JobLogLine(rs.getTimestamp("logged_at").toInstant(), rs.getString("line")))
                .list();
    }

    private static JobSummary summary(ResultSet rs, int row) throws SQLException {
        return new JobSummary(rs.getLong("id"), rs.getString("type"), rs.getString("title"),
                JobJson.parameters(rs.getString("parameters")), rs.getString("requested_by"),
                JobState.valueOf(rs.getString("state")), rs.getLong("progress_done"), rs.getLong("progress_total"),
                JobJson.counts(rs.getString("counts")), rs.getString("error"), rs.getInt("attempt"),
                rs.getInt("max_attempts"), rs.getBoolean("cancel_requested"), rs.getString("schedule_id"),
                instant(rs, "scheduled_for"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), instant(rs, "next_attempt_at"), rs.getString("node"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
