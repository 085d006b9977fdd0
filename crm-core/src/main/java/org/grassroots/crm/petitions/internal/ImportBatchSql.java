package org.grassroots.crm.petitions.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.grassroots.crm.petitions.ImportBatch;
import org.grassroots.crm.petitions.ImportCounts;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import batches and their rejected rows, read back; and what rolling a batch back deletes. */
@Repository
public class ImportBatchSql {

    /** A rejected row as stored: RAW values in the file's column order, MAPPED ones in {@code MAPPED_FIELDS} order. */
    public record StoredRejection(long line, String reason, boolean raw, List<@Nullable String> values) {
    }

    /** A batch's layout, to put rejected values back under the file's headers. */
    public record Layout(List<String> headers, FieldMapping mapping) {
    }

    private static final String COLUMNS = """
            id, petition_id, job_id, file_name, source, opt_in_policy, fill_blank_fields, dry_run, rows_read,
            new_people, matched_people, new_signatures, already_signed, duplicates_in_file, rejected, subscribed,
            protected_kept, fields_filled, requested_by, created_at, rolled_back_at, rolled_back_by, people_removed""";

    private final JdbcClient jdbc;

    ImportBatchSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ImportBatch> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_batch WHERE id = :id").param("id", id)
                .query(ImportBatchSql::batch).optional();
    }

    public Optional<ImportBatch> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_batch WHERE id = :id FOR UPDATE").param("id", id)
                .query(ImportBatchSql::batch).optional();
    }

    public Optional<ImportBatch> ofJob(long jobId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_batch WHERE job_id = :job").param("job", jobId)
                .query(ImportBatchSql::batch).optional();
    }

    /** A petition's real imports (not dry runs), newest first. */
    public List<ImportBatch> ofPetition(long petitionId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM import_batch WHERE petition_id = :petition AND NOT dry_run ORDER BY id DESC LIMIT :limit")
                .param("petition", petitionId).param("limit", limit).query(ImportBatchSql::batch).list();
    }

    public Layout layout(long id) {
        return jdbc.sql("SELECT headers, mapping::text FROM import_batch WHERE id = :id").param("id", id)
                .query((rs, n) -> new Layout(strings(rs.getArray(1)), MappingJson.read(rs.getString(2)))).single();
    }

    /** Streams the batch's rejected rows in line order; call inside a read-only transaction. */
    public void forEachRejection(long id, Consumer<StoredRejection> action) {
        jdbc.sql("""
                SELECT line, reason, value_kind, "values" FROM import_rejected_row WHERE batch_id = :id ORDER BY line""")
                .param("id", id).withFetchSize(1000)
                .query((ResultSet rs) -> {
                    action.accept(new StoredRejection(rs.getLong(1), rs.getString(2), "RAW".equals(rs.getString(3)),
                            strings(rs.getArray(4))));
                });
    }

    public void markRolledBack(long id, String by, Instant at, long peopleRemoved) {
        jdbc.sql("""
                UPDATE import_batch SET rolled_back_at = :at, rolled_back_by = :by, people_removed = :removed
                WHERE id = :id""")
                .param("at", Timestamp.from(at)).param("by", by).param("removed", peopleRemoved).param("id", id)
                .update();
    }

    private static ImportBatch batch(ResultSet rs, int row) throws SQLException {
        long jobId = rs.getLong("job_id");
        Long job = rs.wasNull() ? null : jobId;
        long removed = rs.getLong("people_removed");
        Long peopleRemoved = rs.wasNull() ? null : removed;
        Timestamp rolledBack = rs.getTimestamp("rolled_back_at");
        return new ImportBatch(rs.getLong("id"), rs.getLong("petition_id"), job, rs.getString("file_name"),
                rs.getString("source"), OptInPolicy.valueOf(rs.getString("opt_in_policy")),
                rs.getBoolean("fill_blank_fields"), rs.getBoolean("dry_run"),
                new ImportCounts(rs.getLong("rows_read"), rs.getLong("new_people"), rs.getLong("matched_people"),
                        rs.getLong("new_signatures"), rs.getLong("already_signed"), rs.getLong("duplicates_in_file"),
                        rs.getLong("rejected"), rs.getLong("subscribed"), rs.getLong("protected_kept"),
                        rs.getLong("fields_filled")),
                rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant(),
                rolledBack == null ? null : rolledBack.toInstant(), rs.getString("rolled_back_by"), peopleRemoved);
    }

    private static List<@Nullable String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
