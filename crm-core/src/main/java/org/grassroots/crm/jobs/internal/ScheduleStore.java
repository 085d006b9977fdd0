package org.grassroots.crm.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.JobState;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code job_schedule}. */
@Repository
public class ScheduleStore {

    private static final String SELECT = """
            SELECT s.schedule_id, s.cron, s.job_type, s.job_title, s.job_parameters::text AS job_parameters,
                   s.enabled, s.last_job_id, j.state AS last_job_state, s.last_tick_at, s.next_run_at
            FROM job_schedule s LEFT JOIN job j ON j.id = s.last_job_id""";

    private final JdbcClient jdbc;

    ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The schedule's row, locked until the caller's transaction ends. */
    public Optional<ScheduleRow> lock(String scheduleId) {
        return jdbc.sql(SELECT + " WHERE s.schedule_id = :id FOR UPDATE OF s").param("id", scheduleId)
                .query(ScheduleStore::row).optional();
    }

    public List<ScheduleRow> all() {
        return jdbc.sql(SELECT + " ORDER BY s.schedule_id").query(ScheduleStore::row).list();
    }

    /** Creates the schedule, or replaces its cron and job; an admin's switch (enabled) is kept. */
    public void upsert(String scheduleId, String cron, JobRequest request) {
        jdbc.sql("""
                INSERT INTO job_schedule (schedule_id, cron, job_type, job_title, job_parameters)
                VALUES (:id, :cron, :type, :title, CAST(:parameters AS jsonb))
                ON CONFLICT (schedule_id) DO UPDATE SET cron = excluded.cron, job_type = excluded.job_type,
                    job_title = excluded.job_title, job_parameters = excluded.job_parameters, updated_at = now()
                """)
                .param("id", scheduleId).param("cron", cron).param("type", request.type())
                .param("title", request.title()).param("parameters", JobJson.parameters(request.parameters()))
                .update();
    }

    public boolean delete(String scheduleId) {
        return jdbc.sql("DELETE FROM job_schedule WHERE schedule_id = :id").param("id", scheduleId).update() == 1;
    }

    public void setEnabled(String scheduleId, boolean enabled, @Nullable Instant nextRunAt) {
        jdbc.sql("UPDATE job_schedule SET enabled = :enabled, next_run_at = :next, updated_at = now() "
                + "WHERE schedule_id = :id")
                .param("id", scheduleId).param("enabled", enabled).param("next", timestamp(nextRunAt)).update();
    }

    public void setNextRun(String scheduleId, @Nullable Instant nextRunAt) {
        jdbc.sql("UPDATE job_schedule SET next_run_at = :next WHERE schedule_id = :id")
                .param("id", scheduleId).param("next", timestamp(nextRunAt)).update();
    }

    /** Records a handled tick: the job it submitted (or the earlier one it skipped for) and the next tick. */
    public void ticked(String scheduleId, @Nullable Long lastJobId, Instant tickAt, @Nullable Instant nextRunAt) {
        jdbc.sql("""
                UPDATE job_schedule SET last_job_id = :lastJobId, last_tick_at = :tick, next_run_at = :next
                WHERE schedule_id = :id""")
                .param("id", scheduleId).param("lastJobId", lastJobId).param("tick", Timestamp.from(tickAt))
                .param("next", timestamp(nextRunAt)).update();
    }

    private static ScheduleRow row(ResultSet rs, int row) throws SQLException {
        Long lastJobId = rs.getObject("last_job_id", Long.class);
        String lastJobState = rs.getString("last_job_state");
        return new ScheduleRow(rs.getString("schedule_id"), rs.getString("cron"),
                new JobRequest(rs.getString("job_type"), rs.getString("job_title"),
                        JobJson.parameters(rs.getString("job_parameters"))),
                rs.getBoolean("enabled"), lastJobId,
                lastJobState == null ? null : JobState.valueOf(lastJobState),
                instant(rs.getTimestamp("last_tick_at")), instant(rs.getTimestamp("next_run_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
