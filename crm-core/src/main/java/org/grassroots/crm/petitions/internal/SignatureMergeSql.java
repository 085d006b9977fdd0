package org.grassroots.crm.petitions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;

import java.util.Map;

import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.people.SubscriptionLedgerLock;
import org.grassroots.crm.plugin.api.petitions.ImportSummary;
import org.grassroots.crm.plugin.api.petitions.SignatureImportRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based merge of a staged batch, on the batch's connection and in its transaction: a handful of statements
 * over the whole file, never one per row. A dry run builds the same candidates and counts what each write would do,
 * keeping only its batch row and rejected rows. Each step's duration goes to the job's log.
 */
// not @Repository: exception translation would turn the batch's SQL errors into Spring's, hiding the line at fault
@Component
public class SignatureMergeSql {

    private static final String MAPPED_VALUES = """
            ARRAY[email, first_name, last_name, phone, street, NULL, city, state, zip, signed_at::text, comment,
                  external_id, NULL, source]""";

    private final JdbcClient jdbc;
    private final SubscriptionLedgerLock ledgerLock;
    private final AuditLog audit;

    SignatureMergeSql(JdbcClient jdbc, SubscriptionLedgerLock ledgerLock, AuditLog audit) {
        this.jdbc = jdbc;
        this.ledgerLock = ledgerLock;
        this.audit = audit;
    }

    void createStage() {
        jdbc.sql("""
                CREATE TEMP TABLE import_stage (
                    line BIGINT NOT NULL, email TEXT, email_hash BYTEA, first_name TEXT, last_name TEXT, phone TEXT,
                    street TEXT, city TEXT, state TEXT, zip TEXT, signed_at TIMESTAMPTZ, comment TEXT,
                    external_id TEXT, subscribe BOOLEAN, source TEXT, reject_reason TEXT, value_kind TEXT, vals TEXT[]
                ) ON COMMIT DROP""").update();
    }

    ImportSummary merge(SignatureImportRequest request, StagedSignatureBatch.BatchRecord record, long rowsRead,
            Instant now, Checks checks, Consumer<String> log) {
        jdbc.sql("SET LOCAL work_mem = '256MB'").update();
        // new names go to the trigram index's pending list and autovacuum merges them in later, instead of this
        // transaction updating the index entry by entry (searches read the pending list meanwhile)
        jdbc.sql("SET LOCAL gin_pending_list_limit = '1GB'").update();
        jdbc.sql("ANALYZE import_stage").update();
        long batch = insertBatch(request, record, rowsRead, now);
        long rejected = jdbc.sql("""
                INSERT INTO import_rejected_row (batch_id, line, reason, value_kind, "values")
                SELECT :batch, line, reject_reason, value_kind, vals FROM import_stage WHERE reject_reason IS NOT NULL
                ON CONFLICT DO NOTHING""").param("batch", batch).update();
        long started = System.nanoTime();
        createCandidates(request.petitionId(), checks);
        log.accept("Matched the rows to supporters" + took(started));
        long duplicates = jdbc.sql("""
                INSERT INTO import_rejected_row (batch_id, line, reason, value_kind, "values")
                SELECT :batch, line, CASE WHEN line <> first_line
                        THEN 'Duplicate of line ' || first_line || ' (the same e-mail); imported once'
                        ELSE 'Duplicate of line ' || ext_first_line || ' (the same external id); imported once' END,
                    'MAPPED', """ + MAPPED_VALUES + """
                 FROM import_row WHERE NOT kept
                ON CONFLICT DO NOTHING""").param("batch", batch).update();
        long erased = jdbc.sql("""
                INSERT INTO import_rejected_row (batch_id, line, reason, value_kind, "values")
                SELECT :batch, line, 'This address belonged to a supporter who was erased; it is not added again',
                    'MAPPED', """ + MAPPED_VALUES + """
                 FROM import_row WHERE kept AND erased
                ON CONFLICT DO NOTHING""").param("batch", batch).update();
        log.accept("Checked: " + rejected + " rows rejected, " + duplicates + " duplicates in the file");

        Writes writes = request.dryRun() ? count(request) : write(request, batch, now, checks.externalIds(), log);
        ImportSummary summary = new ImportSummary(batch, rowsRead, writes.newPeople, writes.matched,
                writes.newSignatures, writes.kept - writes.newSignatures, duplicates, rejected + erased,
                writes.subscribed, writes.protectedKept);
        recordCounts(summary, writes.filled);
        if (!request.dryRun()) {
            audit.record(new AuditEntry(record.requestedBy(), AuditAction.SIGNATURES_IMPORTED, "import_batch",
                    Long.toString(batch), null, Map.of("petitionId", request.petitionId(),
                            "file", request.fileName(), "rows", rowsRead, "newPeople", summary.newPeople(),
                            "newSignatures", summary.newSignatures(), "rejected", summary.rejected())));
        }
        return summary;
    }

    private long insertBatch(SignatureImportRequest request, StagedSignatureBatch.BatchRecord record, long rowsRead,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO import_batch (petition_id, job_id, file_name, source, opt_in_policy, fill_blank_fields,
                    dry_run, headers, mapping, rows_read, requested_by, created_at)
                VALUES (:petition, :job, :file, :source, :policy, :fill, :dryRun, :headers, CAST(:mapping AS jsonb),
                    :rows, :requestedBy, :now)
                RETURNING id""")
                .param("petition", request.petitionId()).param("job", record.jobId())
                .param("file", request.fileName()).param("source", request.source())
                .param("policy", request.optInPolicy().name()).param("fill", request.fillBlankFields())
                .param("dryRun", request.dryRun()).param("headers", record.headers().toArray(String[]::new))
                .param("mapping", record.mappingJson()).param("rows", rowsRead)
                .param("requestedBy", record.requestedBy()).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    /**
     * One row per good staged row with its match: the first row of each e-mail (and of each external id) is kept,
     * matched to the supporter who has that address, or else to the one who already signed with that external id.
     */
    private void createCandidates(long petitionId, Checks checks) {
        // each check the file cannot need is left out: a join over every row, or a sort of every row
        String externalFirst = checks.externalIds()
                ? "min(s.line) OVER (PARTITION BY s.external_id)" : "NULL::bigint";
        String erasedJoin = checks.erased()
                ? "LEFT JOIN erased_email ee ON ee.email_hash = s.email_hash AND pe.id IS NULL\n"
                : "LEFT JOIN (SELECT NULL::bytea AS email_hash) ee ON FALSE\n";
        jdbc.sql("""
                CREATE TEMP TABLE import_row ON COMMIT DROP AS
                SELECT w.*, w.line = w.first_line AND (w.external_id IS NULL OR w.line = w.ext_first_line) AS kept
                FROM (SELECT s.line, s.email, s.first_name, s.last_name, s.phone, s.street, s.city, s.state, s.zip,
                             s.signed_at, s.comment, s.external_id, s.subscribe, s.source,
                             pe.id AS email_id, pe.person_id AS matched_id, pe.status AS email_status,
                             ee.email_hash IS NOT NULL AS erased,
                             min(s.line) OVER (PARTITION BY s.email) AS first_line,
                             """ + externalFirst + """
                              AS ext_first_line
                      FROM import_stage s
                      LEFT JOIN person_email pe ON pe.email = s.email
                      """ + erasedJoin + """
                      WHERE s.reject_reason IS NULL) w""").update();
        jdbc.sql("ANALYZE import_row").update();
        jdbc.sql("""
                UPDATE import_row r SET matched_id = sg.person_id
                FROM signature sg
                WHERE r.kept AND r.matched_id IS NULL AND r.external_id IS NOT NULL
                  AND sg.petition_id = :petition AND sg.external_id = r.external_id""")
                .param("petition", petitionId).update();
    }

    /**
     * What the import would write, counted without writing: the same candidates, and for each count the condition
     * the corresponding write applies (a test holds the two paths to the same numbers).
     */
    private Writes count(SignatureImportRequest request) {
        return jdbc.sql("""
                SELECT count(*),
                       count(*) FILTER (WHERE r.matched_id IS NULL),
                       count(*) FILTER (WHERE r.matched_id IS NOT NULL),
                       count(DISTINCT coalesce(r.matched_id, -r.line)) FILTER (WHERE
                           NOT EXISTS (SELECT 1 FROM signature sg WHERE sg.petition_id = :petition
                                       AND sg.person_id = r.matched_id)
                           AND (r.external_id IS NULL OR NOT EXISTS (SELECT 1 FROM signature sg
                                WHERE sg.petition_id = :petition AND sg.external_id = r.external_id))),
                       count(*) FILTER (WHERE r.subscribe AND (r.matched_id IS NULL OR r.email_status = 'NOT_SUBSCRIBED')),
                       count(*) FILTER (WHERE r.subscribe AND r.email_status IN ('UNSUBSCRIBED', 'BOUNCING', 'SPAM_COMPLAINT')),
                       count(DISTINCT p.id) FILTER (WHERE :fill AND (
                           p.first_name IS NULL AND r.first_name IS NOT NULL OR p.last_name IS NULL AND r.last_name IS NOT NULL
                           OR p.street IS NULL AND r.street IS NOT NULL OR p.city IS NULL AND r.city IS NOT NULL
                           OR p.state IS NULL AND r.state IS NOT NULL OR p.zip IS NULL AND r.zip IS NOT NULL))
                FROM import_row r LEFT JOIN person p ON p.id = r.matched_id
                WHERE r.kept AND NOT r.erased""")
                .param("petition", request.petitionId()).param("fill", request.fillBlankFields())
                .query((rs, n) -> new Writes(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7))).single();
    }

    /** Which set-wide checks the staged rows need: erased addresses exist; some rows have an external id. */
    public record Checks(boolean erased, boolean externalIds) {
    }

    private record Writes(long kept, long newPeople, long matched, long newSignatures, long subscribed,
            long protectedKept, long filled) {
    }

    private Writes write(SignatureImportRequest request, long batch, Instant now, boolean externalIds,
            Consumer<String> log) {
        Timestamp at = Timestamp.from(now);
        long started = System.nanoTime();
        // the sequence as a literal: pg_get_serial_sequence in the statement would be looked up again for every row
        String sequence = jdbc.sql("SELECT pg_get_serial_sequence('person', 'id')").query(String.class).single();
        jdbc.sql("""
                CREATE TEMP TABLE import_final ON COMMIT DROP AS
                SELECT r.*, coalesce(r.matched_id, nextval('%s'::regclass)) AS person_id,
                       r.matched_id IS NULL AS is_new
                FROM import_row r WHERE r.kept AND NOT r.erased""".formatted(sequence.replace("'", "''"))).update();
        jdbc.sql("ANALYZE import_final").update();
        long newPeople = jdbc.sql("""
                INSERT INTO person (id, first_name, last_name, street, city, state, zip, source, import_batch_id,
                                    created_at, updated_at)
                SELECT person_id, first_name, last_name, street, city, state, zip, :source, :batch, :now, :now
                FROM import_final WHERE is_new""")
                .param("source", request.source()).param("batch", batch).param("now", at).update();
        jdbc.sql("""
                INSERT INTO person_email (person_id, email, is_primary, status, status_changed_at, created_at)
                SELECT person_id, email, TRUE, CASE WHEN subscribe THEN 'SUBSCRIBED' ELSE 'NOT_SUBSCRIBED' END,
                       :now, :now
                FROM import_final WHERE is_new""").param("now", at).update();
        jdbc.sql("""
                INSERT INTO person_phone (person_id, e164, kind, is_primary)
                SELECT person_id, phone, 'MOBILE', TRUE FROM import_final WHERE is_new AND phone IS NOT NULL""")
                .update();
        log.accept("Added " + newPeople + " new supporters with their addresses" + took(started));
        started = System.nanoTime();
        ledgerLock.lockForWriting();
        long subscribed = jdbc.sql("""
                INSERT INTO subscription_event (person_id, email, status, cause, source, occurred_at, import_batch_id)
                SELECT person_id, email, 'SUBSCRIBED', 'Opted in on a petition (import)', :source, :now, :batch
                FROM import_final WHERE is_new AND subscribe""")
                .param("source", request.source()).param("batch", batch).param("now", at).update();
        subscribed += jdbc.sql("""
                WITH changed AS (
                    UPDATE person_email pe SET status = 'SUBSCRIBED', status_changed_at = :now
                    FROM import_final f
                    WHERE f.email_id = pe.id AND f.subscribe AND pe.status = 'NOT_SUBSCRIBED'
                    RETURNING pe.person_id, pe.email),
                touched AS (
                    UPDATE person p SET updated_at = :now WHERE p.id IN (SELECT person_id FROM changed))
                INSERT INTO subscription_event (person_id, email, status, cause, source, occurred_at, import_batch_id)
                SELECT person_id, email, 'SUBSCRIBED', 'Opted in on a petition (import)', :source, :now, :batch
                FROM changed""")
                .param("source", request.source()).param("batch", batch).param("now", at).update();
        long filled = request.fillBlankFields() ? fillBlanks(at) : 0;
        log.accept("Recorded " + subscribed + " subscriptions" + (request.fillBlankFields() ? ", filled " + filled
                + " supporters' empty fields" : "") + took(started));
        started = System.nanoTime();
        long newSignatures = insertSignatures(request, batch, at, "NOT is_new", true);
        // a supporter created by this transaction cannot have signed yet, nor can anyone else sign for them before it
        // commits: a plain insert, without the speculative insertion and its conflict check (a tenth of this step);
        // only an external id, which other rows may already use, can still conflict
        newSignatures += insertSignatures(request, batch, at, "is_new", externalIds);
        log.accept("Added " + newSignatures + " signatures" + took(started));
        long[] totals = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE NOT is_new),
                       count(*) FILTER (WHERE subscribe AND email_status IN ('UNSUBSCRIBED', 'BOUNCING', 'SPAM_COMPLAINT'))
                FROM import_final""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        return new Writes(totals[0], newPeople, totals[1], newSignatures, subscribed, totals[2], filled);
    }

    private long insertSignatures(SignatureImportRequest request, long batch, Timestamp at, String rows,
            boolean mayConflict) {
        return jdbc.sql("""
                INSERT INTO signature (petition_id, person_id, signed_at, source, comment, external_id,
                                       import_batch_id, created_at)
                SELECT :petition, person_id, coalesce(signed_at, :now), coalesce(source, :source), comment,
                       external_id, :batch, :now
                FROM import_final WHERE\s""" + rows + (mayConflict ? "\nON CONFLICT DO NOTHING" : ""))
                .param("petition", request.petitionId()).param("source", request.source()).param("batch", batch)
                .param("now", at).update();
    }

    private static String took(long startedNanos) {
        return String.format(java.util.Locale.ROOT, " (%.1f s)", (System.nanoTime() - startedNanos) / 1e9);
    }

    /** Fills existing supporters' empty fields from the file; a value already there is never overwritten. */
    private long fillBlanks(Timestamp at) {
        long filled = jdbc.sql("""
                UPDATE person p SET first_name = coalesce(p.first_name, f.first_name),
                    last_name = coalesce(p.last_name, f.last_name), street = coalesce(p.street, f.street),
                    city = coalesce(p.city, f.city), state = coalesce(p.state, f.state), zip = coalesce(p.zip, f.zip),
                    updated_at = :now, version = p.version + 1
                FROM import_final f
                WHERE p.id = f.person_id AND NOT f.is_new
                  AND (p.first_name IS NULL AND f.first_name IS NOT NULL OR p.last_name IS NULL AND f.last_name IS NOT NULL
                    OR p.street IS NULL AND f.street IS NOT NULL OR p.city IS NULL AND f.city IS NOT NULL
                    OR p.state IS NULL AND f.state IS NOT NULL OR p.zip IS NULL AND f.zip IS NOT NULL)""")
                .param("now", at).update();
        jdbc.sql("""
                INSERT INTO person_phone (person_id, e164, kind, is_primary)
                SELECT f.person_id, f.phone, 'MOBILE', TRUE FROM import_final f
                WHERE NOT f.is_new AND f.phone IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM person_phone ph WHERE ph.person_id = f.person_id)""").update();
        return filled;
    }

    private void recordCounts(ImportSummary summary, long filled) {
        jdbc.sql("""
                UPDATE import_batch SET new_people = :newPeople, matched_people = :matched,
                    new_signatures = :newSignatures, already_signed = :alreadySigned, duplicates_in_file = :duplicates,
                    rejected = :rejected, subscribed = :subscribed, protected_kept = :protectedKept,
                    fields_filled = :filled
                WHERE id = :id""")
                .param("newPeople", summary.newPeople()).param("matched", summary.matchedPeople())
                .param("newSignatures", summary.newSignatures()).param("alreadySigned", summary.alreadySigned())
                .param("duplicates", summary.duplicatesInFile()).param("rejected", summary.rejected())
                .param("subscribed", summary.subscribed()).param("protectedKept", summary.protectedKept())
                .param("filled", filled).param("id", summary.batchId()).update();
    }
}
