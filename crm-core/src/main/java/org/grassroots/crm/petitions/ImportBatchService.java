package org.grassroots.crm.petitions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.petitions.internal.ImportBatchSql;
import org.grassroots.crm.petitions.internal.ImportRollbackSql;
import org.grassroots.crm.petitions.internal.RejectedRowsCsv;
import org.grassroots.crm.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Petition imports after the fact: their results, their rejected rows, and rolling one back. */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME})
public class ImportBatchService {

    static final String TARGET = "import_batch";

    private final ImportBatchSql batches;
    private final ImportRollbackSql rollback;
    private final AuditLog audit;
    private final Clock clock;

    ImportBatchService(ImportBatchSql batches, ImportRollbackSql rollback, AuditLog audit, Clock clock) {
        this.batches = batches;
        this.rollback = rollback;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ImportBatch> find(long batchId) {
        return batches.find(batchId);
    }

    /** The batch a dry-run or import job produced, once it has finished successfully. */
    @Transactional(readOnly = true)
    public Optional<ImportBatch> ofJob(long jobId) {
        return batches.ofJob(jobId);
    }

    /** A petition's imports (dry runs left out), newest first. */
    @Transactional(readOnly = true)
    public List<ImportBatch> ofPetition(long petitionId, int limit) {
        return batches.ofPetition(petitionId, Math.max(0, Math.min(limit, 500)));
    }

    /** Writes the batch's rejected and duplicate rows as CSV (see {@link RejectedRowsCsv}), streamed. */
    @Transactional(readOnly = true)
    public void writeRejectedRows(long batchId, OutputStream out) {
        batches.find(batchId).orElseThrow(() -> noBatch(batchId));
        try (RejectedRowsCsv csv = new RejectedRowsCsv(out, batches.layout(batchId))) {
            batches.forEachRejection(batchId, csv::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rolls an import back: removes its signatures and the supporters only it brought in, and withdraws the
     * subscriptions it started that nothing has changed since.
     *
     * @throws InvalidInputException when there is no such import, it is a dry run, or it was rolled back already
     */
    @Transactional
    public ImportBatch rollBack(long batchId) {
        ImportBatch batch = batches.lock(batchId).orElseThrow(() -> noBatch(batchId));
        if (batch.dryRun()) {
            throw new InvalidInputException("batch", "Import #" + batchId + " was a dry run; it wrote nothing.");
        }
        if (batch.rolledBack()) {
            throw new InvalidInputException("batch", "Import #" + batchId + " was already rolled back by "
                    + batch.rolledBackBy() + ".");
        }
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        long removed = rollback.rollBack(batchId, clock.instant(), "Import #" + batchId + " rolled back by " + user);
        batches.markRolledBack(batchId, user, clock.instant(), removed);
        audit.record(AuditEntry.of(AuditAction.SIGNATURE_IMPORT_ROLLED_BACK, TARGET, batchId,
                Map.of("petitionId", batch.petitionId(), "signaturesRemoved", batch.counts().newSignatures(),
                        "peopleRemoved", removed)));
        return batches.find(batchId).orElseThrow();
    }

    private static InvalidInputException noBatch(long batchId) {
        return new InvalidInputException("batch", "There is no import #" + batchId + ".");
    }
}
