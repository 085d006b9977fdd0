package org.grassroots.crm.exports.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.grassroots.crm.exports.ExportApproval;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportProductionRun;
import org.grassroots.crm.exports.MatchKey;
import org.grassroots.crm.exports.ProductionOutcome;
import org.grassroots.crm.jobs.JobHandler;
import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code export-delivery} job: streams an approved export's rows from the database cursor through its format
 * into an encrypted file ({@link ExportFiles}), reporting progress and checking for a cancel every
 * {@value #REPORT_EVERY} rows, then marks the export ready. If the file holds more people than the approvals cover,
 * the export waits for approval again and the file is deleted. A failure or a cancel deletes the partial file and
 * leaves the export approved. Never retried; a run stopped by a shutting-down instance is queued again and starts
 * over (the partner's match key is kept for it).
 */
@Component
public class ExportDeliveryJob implements JobHandler {

    static final String TYPE = "export-delivery";
    static final String DEFINITION = "definitionId";
    static final String PRODUCTION = "productionId";
    static final int REPORT_EVERY = 1_000;

    private final ExportProduction production;
    private final ExportProductionSql productions;
    private final ExportFiles files;
    private final ExportFileCipher cipher;
    private final ExportsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ExportDeliveryJob(ExportProduction production, ExportProductionSql productions, ExportFiles files,
            ExportFileCipher cipher, ExportsProperties properties, PlatformTransactionManager transactions,
            Clock clock) {
        this.production = production;
        this.productions = productions;
        this.files = files;
        this.cipher = cipher;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The job that produces this production's file. */
    public static JobRequest request(long definitionId, long productionId, String title) {
        return new JobRequest(TYPE, title, Map.of(DEFINITION, Long.toString(definitionId), PRODUCTION,
                Long.toString(productionId)));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext job) throws Exception {
        long productionId = Long.parseLong(job.parameters().get(PRODUCTION));
        ExportProductionRun run = productions.find(productionId)
                .orElseThrow(() -> new IllegalStateException("No export production #" + productionId));
        if (run.outcome() != null) {
            throw new IllegalStateException("Export production #" + productionId + " has already ended: "
                    + run.outcome().label());
        }
        long definitionId = run.definitionId();
        try {
            produce(job, run);
        } catch (JobCancelledException cancelled) {
            files.delete(definitionId, productionId);
            // a shutting-down instance also reads as cancelled: then the job runs again and needs its row and key
            if (productions.cancelRequested(job.jobId())) {
                productions.finish(productionId, ProductionOutcome.CANCELLED, now());
                job.log("Cancelled: the partial file was deleted");
            }
            throw cancelled;
        } catch (Exception | Error failure) {
            files.delete(definitionId, productionId);
            productions.finish(productionId, ProductionOutcome.FAILED, now());
            throw failure;
        }
    }

    private void produce(JobContext job, ExportProductionRun run) throws IOException {
        long definitionId = run.definitionId();
        long productionId = run.id();
        ExportDefinition definition = production.find(definitionId).orElseThrow(() -> ExportProduction.unknown(
                definitionId));
        MatchKey key = matchKey(productionId, definition);
        long expected = definition.approvals().stream().mapToLong(ExportApproval::size).max()
                .orElse(definition.sizeAtRequest());
        job.progress(0, expected);
        job.log(String.format("Writing about %,d people as %s, encrypted", expected, definition.formatId()));
        long rows;
        long contentBytes;
        try (CountingStream out = new CountingStream(files.create(definitionId, productionId))) {
            rows = production.write(definitionId, key, out, written -> {
                if (written % REPORT_EVERY == 0) {
                    job.progress(written, Math.max(expected, written));
                    job.checkCancelled();
                }
            });
            contentBytes = out.count;
        }
        job.checkCancelled();
        long storedBytes = files.publish(definitionId, productionId);
        Instant expiresAt = now().plus(properties.linkLifetime());
        Map<String, Object> facts = Map.of("job", job.jobId(), "production", productionId, "bytes", contentBytes);
        boolean ready = Boolean.TRUE.equals(transaction.execute(status -> {
            if (production.markReady(definitionId, rows, expiresAt, run.requestedBy(), facts)) {
                productions.ready(productionId, ExportFiles.name(definitionId, productionId), rows, storedBytes,
                        contentBytes, now());
                return true;
            }
            productions.finish(productionId, ProductionOutcome.RETURNED_FOR_APPROVAL, now());
            return false;
        }));
        job.progress(rows, rows);
        job.count("people", rows);
        if (!ready) {
            files.delete(definitionId, productionId);
            throw new IllegalStateException(String.format("Export #%d now holds %,d people, more than its approvals "
                    + "cover: it waits for approval again, and the file was deleted.", definitionId, rows));
        }
        job.count("bytes", contentBytes);
        job.log(String.format("Ready: %,d people, %,d bytes (%,d encrypted), until %s", rows, contentBytes,
                storedBytes, expiresAt));
    }

    private @Nullable MatchKey matchKey(long productionId, ExportDefinition definition) throws IOException {
        if (!definition.formatId().equals(HashedMatchFormat.ID)) {
            return null;
        }
        byte[] sealed = productions.sealedMatchKey(productionId).orElseThrow(() -> new IllegalStateException(
                "The key agreed with the partner is no longer held (it is wiped when a production ends); "
                        + "start the production again and enter the key."));
        return MatchKey.of(new String(cipher.openMatchKey(productionId, sealed), StandardCharsets.UTF_8));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Counts the bytes of the file as it will be downloaded. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }
}
