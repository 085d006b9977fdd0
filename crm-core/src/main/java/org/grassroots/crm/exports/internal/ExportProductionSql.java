package org.grassroots.crm.exports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.exports.ExportProductionRun;
import org.grassroots.crm.exports.ProductionOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code export_production}: each attempt to produce an export's file, and the ready file's life. A production is
 * under way while its outcome is empty; one whose job ended without recording an outcome (its instance died) is
 * ended by {@link #endAbandoned}.
 */
@Repository
public class ExportProductionSql {

    /** A job that may still do work (the jobs feature's active states). */
    private static final String JOB_ACTIVE = """
            EXISTS (SELECT 1 FROM job j WHERE j.id = ep.job_id AND j.state IN ('QUEUED', 'RUNNING', 'RETRY_WAIT'))""";

    private final JdbcClient jdbc;

    ExportProductionSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long definitionId, String requestedBy, Instant at) {
        return jdbc.sql("""
                INSERT INTO export_production (definition_id, requested_by, requested_at)
                VALUES (:definition, :by, :at) RETURNING id""")
                .param("definition", definitionId).param("by", requestedBy).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    public void started(long id, long jobId, byte @Nullable [] sealedMatchKey) {
        jdbc.sql("UPDATE export_production SET job_id = :job, sealed_match_key = :key WHERE id = :id")
                .param("id", id).param("job", jobId).param("key", sealedMatchKey).update();
    }

    public Optional<ExportProductionRun> find(long id) {
        return jdbc.sql("SELECT * FROM export_production WHERE id = :id").param("id", id)
                .query(ExportProductionSql::run).optional();
    }

    /** Newest first. */
    public List<ExportProductionRun> forDefinition(long definitionId) {
        return jdbc.sql("SELECT * FROM export_production WHERE definition_id = :definition ORDER BY id DESC")
                .param("definition", definitionId).query(ExportProductionSql::run).list();
    }

    public Optional<byte[]> sealedMatchKey(long id) {
        return jdbc.sql("SELECT sealed_match_key FROM export_production WHERE id = :id "
                + "AND sealed_match_key IS NOT NULL").param("id", id).query(byte[].class).optional();
    }

    public void wipeMatchKey(long id) {
        jdbc.sql("UPDATE export_production SET sealed_match_key = NULL WHERE id = :id").param("id", id).update();
    }

    /** The job of the export's production under way, if its job is still active. */
    public Optional<Long> runningJob(long definitionId) {
        return jdbc.sql("SELECT ep.job_id FROM export_production ep WHERE ep.definition_id = :definition "
                + "AND ep.outcome IS NULL AND " + JOB_ACTIVE).param("definition", definitionId)
                .query(Long.class).optional();
    }

    /**
     * Productions whose job ended (or vanished) without recording an outcome (its instance died, or it was cancelled
     * before it ran) end as cancelled or failed, like their job, and their keys are wiped; those of one export, or
     * all when {@code definitionId} is null.
     */
    public int endAbandoned(@Nullable Long definitionId, Instant at) {
        return jdbc.sql("UPDATE export_production ep SET finished_at = :at, sealed_match_key = NULL, outcome = CASE "
                + "WHEN EXISTS (SELECT 1 FROM job j WHERE j.id = ep.job_id AND j.state = 'CANCELLED') "
                + "THEN 'CANCELLED' ELSE 'FAILED' END WHERE ep.outcome IS NULL AND NOT " + JOB_ACTIVE
                + " AND (CAST(:definition AS bigint) IS NULL OR ep.definition_id = :definition)")
                .param("at", Timestamp.from(at)).param("definition", definitionId).update();
    }

    /** Whether someone asked to cancel the job (rather than its instance stopping). */
    public boolean cancelRequested(long jobId) {
        return jdbc.sql("SELECT cancel_requested FROM job WHERE id = :id").param("id", jobId).query(Boolean.class)
                .optional().orElse(false);
    }

    /** Ends a production under way; false when it had ended already. Wipes the match key in any case. */
    public boolean finish(long id, ProductionOutcome outcome, Instant at) {
        return jdbc.sql("""
                UPDATE export_production SET outcome = :outcome, finished_at = :at, sealed_match_key = NULL
                WHERE id = :id AND outcome IS NULL""")
                .param("id", id).param("outcome", outcome.name()).param("at", Timestamp.from(at)).update() == 1;
    }

    public void ready(long id, String fileName, long rows, long storedBytes, long contentBytes, Instant at) {
        int updated = jdbc.sql("""
                UPDATE export_production SET outcome = 'READY', finished_at = :at, sealed_match_key = NULL,
                    file_name = :file, row_count = :rows, stored_bytes = :stored, content_bytes = :content
                WHERE id = :id AND outcome IS NULL""")
                .param("id", id).param("file", fileName).param("rows", rows).param("stored", storedBytes)
                .param("content", contentBytes).param("at", Timestamp.from(at)).update();
        if (updated != 1) {
            throw new IllegalStateException("Export production #" + id + " had already ended");
        }
    }

    /** The export's ready production (its file may have been deleted since). */
    public Optional<ExportProductionRun> ready(long definitionId) {
        return jdbc.sql("SELECT * FROM export_production WHERE definition_id = :definition AND outcome = 'READY'")
                .param("definition", definitionId).query(ExportProductionSql::run).optional();
    }

    public void fileDeleted(long id, @Nullable String by, String reason, Instant at) {
        jdbc.sql("""
                UPDATE export_production SET file_deleted_at = :at, deleted_by = :by, deletion_reason = :reason
                WHERE id = :id AND file_deleted_at IS NULL""")
                .param("id", id).param("by", by).param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    /** Of these productions, those whose file should be in the folder: ready and not deleted, or under way. */
    public List<Long> keepingFiles(List<Long> ids) {
        return jdbc.sql("""
                SELECT id FROM export_production WHERE id = ANY(CAST(:ids AS bigint[]))
                AND (outcome IS NULL OR (outcome = 'READY' AND file_deleted_at IS NULL))""")
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).list();
    }

    private static ExportProductionRun run(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new ExportProductionRun(rs.getLong("id"), rs.getLong("definition_id"),
                rs.getObject("job_id", Long.class), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                outcome == null ? null : ProductionOutcome.valueOf(outcome),
                instant(rs.getTimestamp("finished_at")), rs.getObject("row_count", Long.class),
                rs.getObject("content_bytes", Long.class), instant(rs.getTimestamp("file_deleted_at")),
                rs.getString("deleted_by"), rs.getString("deletion_reason"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
