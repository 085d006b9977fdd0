package org.grassroots.crm.petitions.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.grassroots.crm.database.CopyStream;
import org.grassroots.crm.plugin.api.petitions.ImportSummary;
import org.grassroots.crm.plugin.api.petitions.ImportedSignature;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.grassroots.crm.plugin.api.petitions.RejectedRow;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.petitions.SignatureImportRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;

/**
 * A batch in progress: its own transaction on the calling thread, a temporary staging table loaded by one COPY as
 * rows arrive, then {@link SignatureMergeSql} at {@link #finish()}. Closing without finishing rolls everything back,
 * and so does the database if the application dies half way: there is never half a batch.
 */
public final class StagedSignatureBatch implements SignatureBatch {

    static final String[] STAGE_COLUMNS = {"line", "email", "email_hash", "first_name", "last_name", "phone",
        "street", "city", "state", "zip", "signed_at", "comment", "external_id", "subscribe", "source",
        "reject_reason", "value_kind", "vals"};

    private final SignatureImportRequest request;
    private final BatchRecord record;
    private final PlatformTransactionManager transactions;
    private final TransactionStatus transaction;
    private final SignatureRowRules rules;
    private final SignatureMergeSql merge;
    private final @Nullable EmailHasher hasher;
    private final Consumer<String> log;
    private final Instant startedAt;
    private @Nullable CopyStream stage;
    private long rows;
    private boolean anyExternalId;
    private boolean done;

    /** The keyed hash of an address, when anyone was ever erased. */
    @FunctionalInterface
    public interface EmailHasher {
        byte[] hash(String normalisedEmail);
    }

    /** What the batch row records besides the request. */
    public record BatchRecord(@Nullable Long jobId, String requestedBy, List<String> headers, String mappingJson) {
    }

    public StagedSignatureBatch(SignatureImportRequest request, BatchRecord record, PlatformTransactionManager transactions,
            TransactionStatus transaction, Connection connection, SignatureRowRules rules, SignatureMergeSql merge,
            @Nullable EmailHasher hasher, Consumer<String> log, Instant startedAt) throws SQLException {
        this.request = request;
        this.record = record;
        this.transactions = transactions;
        this.transaction = transaction;
        this.rules = rules;
        this.merge = merge;
        this.hasher = hasher;
        this.log = log;
        this.startedAt = startedAt;
        merge.createStage();
        this.stage = CopyStream.open(connection, "import_stage", STAGE_COLUMNS);
    }

    @Override
    public void add(ImportedSignature signature) {
        CopyStream copy = open();
        SignatureRowRules.Outcome outcome = rules.check(signature);
        SignatureRowRules.CheckedRow row = outcome.row();
        try {
            copy.value(signature.line());
            if (row == null) {
                skipRowColumns(copy);
                copy.value(outcome.reason()).value("MAPPED").value(ImportValues.arrayLiteral(mappedValues(signature)));
            } else {
                anyExternalId |= SignatureRowRules.blankToNull(signature.externalId()) != null;
                copy.value(row.email()).value(hasher == null ? null : ImportValues.hex(hasher.hash(row.email())))
                        .value(row.firstName()).value(row.lastName()).value(row.phone()).value(row.street())
                        .value(row.city()).value(row.state()).value(row.zip()).value(signature.signedAt())
                        .value(SignatureRowRules.blankToNull(signature.comment()))
                        .value(SignatureRowRules.blankToNull(signature.externalId())).value(subscribes(signature))
                        .value(SignatureRowRules.blankToNull(signature.source()))
                        .value((String) null).value((String) null).value((String) null);
            }
            copy.endRow();
            rows++;
        } catch (SQLException e) {
            throw new IllegalStateException("Staging line " + signature.line() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void reject(RejectedRow row) {
        CopyStream copy = open();
        try {
            copy.value(row.line());
            skipRowColumns(copy);
            copy.value(row.reason()).value("RAW").value(ImportValues.arrayLiteral(row.values()));
            copy.endRow();
            rows++;
        } catch (SQLException e) {
            throw new IllegalStateException("Staging line " + row.line() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ImportSummary finish() {
        CopyStream copy = open();
        try {
            copy.close();
            stage = null;
            log.accept("Read " + rows + " rows; checking them against the database");
            ImportSummary summary = merge.merge(request, record, rows, startedAt,
                    new SignatureMergeSql.Checks(hasher != null, anyExternalId), log);
            transactions.commit(transaction);
            done = true;
            return summary;
        } catch (SQLException e) {
            throw new IllegalStateException("Finishing the staged rows failed: " + e.getMessage(), e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            if (stage != null) {
                stage.cancel();
            }
        } finally {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
        }
    }

    /** A refused row has no checked values: NULL from {@code email} through {@code source}. */
    private static void skipRowColumns(CopyStream copy) {
        for (int i = 1; i < STAGE_COLUMNS.length - 3; i++) {
            copy.value((String) null);
        }
    }

    private boolean subscribes(ImportedSignature signature) {
        return request.optInPolicy() == OptInPolicy.ALL_OPTED_IN
                || request.optInPolicy() == OptInPolicy.FROM_COLUMN && Boolean.TRUE.equals(signature.optIn());
    }

    private CopyStream open() {
        if (done || stage == null) {
            throw new IllegalStateException("This signature batch is already finished or closed");
        }
        return stage;
    }

    /** The row's values in {@link ImportValues#MAPPED_FIELDS} order, for the rejected-rows download. */
    private static List<@Nullable String> mappedValues(ImportedSignature s) {
        List<@Nullable String> values = new ArrayList<>(ImportValues.MAPPED_FIELDS.size());
        values.add(s.email());
        values.add(s.firstName());
        values.add(s.lastName());
        values.add(s.phone());
        values.add(s.address1());
        values.add(s.address2());
        values.add(s.city());
        values.add(s.state());
        values.add(s.zip());
        values.add(s.signedAt() == null ? null : s.signedAt().toString());
        values.add(s.comment());
        values.add(s.externalId());
        values.add(s.optIn() == null ? null : s.optIn() ? "yes" : "no");
        values.add(s.source());
        return values;
    }
}
