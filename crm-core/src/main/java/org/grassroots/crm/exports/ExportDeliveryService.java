package org.grassroots.crm.exports;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.internal.ExportDefinitionSql;
import org.grassroots.crm.exports.internal.ExportDeliveryJob;
import org.grassroots.crm.exports.internal.ExportFileCipher;
import org.grassroots.crm.exports.internal.ExportFormatRegistry;
import org.grassroots.crm.exports.internal.ExportProductionSql;
import org.grassroots.crm.exports.internal.ExportRetirement;
import org.grassroots.crm.exports.internal.StaffMember;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Producing an approved export's file and ending its life early. Production runs as a background job (progress,
 * cancel, result on the Jobs screen) that writes the file encrypted into {@code crm.exports.dir}; when it finishes
 * the export is {@link ExportStatus#READY} and download links can be made ({@link ExportLinkService}). Organizers
 * and admins start and withdraw; fundraisers, who sign off donation exports, read.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME})
public class ExportDeliveryService {

    private final ExportDefinitionSql definitions;
    private final ExportProductionSql productions;
    private final ExportFormatRegistry formats;
    private final ExportFileCipher cipher;
    private final ExportRetirement retirement;
    private final JobService jobs;
    private final Clock clock;

    ExportDeliveryService(ExportDefinitionSql definitions, ExportProductionSql productions,
            ExportFormatRegistry formats, ExportFileCipher cipher, ExportRetirement retirement, JobService jobs,
            Clock clock) {
        this.definitions = definitions;
        this.productions = productions;
        this.formats = formats;
        this.cipher = cipher;
        this.retirement = retirement;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Starts producing the file of an approved export in the background.
     *
     * @param agreedKey the key agreed with the partner, for a hashed match file only (it is kept encrypted until
     *                  the job has used it, then wiped); ignored for other formats
     * @return the job's id, to follow with {@link JobService#find}
     * @throws IllegalExportTransitionException when the export is not approved (waiting for an approval, ready
     *                                          already, rejected, expired)
     * @throws InvalidInputException            ({@code definitionId}) when it is being produced already, ({@code
     *                                          key}) when a hashed match file's key is missing or too short, or
     *                                          ({@code formatId}) when its plugin format is not running
     */
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public long produce(long definitionId, @Nullable String agreedKey) {
        ExportStatus status = definitions.lockStatus(definitionId)
                .orElseThrow(() -> ExportDefinitionService.unknown(definitionId));
        if (status != ExportStatus.APPROVED) {
            throw new IllegalExportTransitionException(definitionId, status, ExportStatus.READY);
        }
        ExportDefinition definition = definitions.find(definitionId).orElseThrow();
        ExportFormatInfo format = formats.info(definition.formatId()).orElseThrow(() -> new InvalidInputException(
                "formatId", "The export format " + definition.formatId() + " is not available: its plugin is not "
                        + "running."));
        MatchKey key = format.needsMatchKey() ? MatchKey.of(agreedKey) : null;
        Instant now = now();
        productions.endAbandoned(definitionId, now);
        productions.runningJob(definitionId).ifPresent(job -> {
            throw new InvalidInputException("definitionId", "Export #" + definitionId
                    + " is being produced already, by job #" + job + ".");
        });
        long productionId = productions.insert(definitionId, StaffMember.username(), now);
        long jobId = jobs.submit(ExportDeliveryJob.request(definitionId, productionId, String.format(
                "Produce export #%d \u201c%s\u201d for %s (%s)", definitionId, definition.name(),
                definition.partnerName(), format.displayName())));
        productions.started(productionId, jobId, key == null ? null : cipher.sealMatchKey(productionId, key.bytes()));
        return jobId;
    }

    /** Every attempt to produce the export's file, newest first. */
    @Transactional(readOnly = true)
    public List<ExportProductionRun> productions(long definitionId) {
        return productions.forDefinition(definitionId);
    }

    /**
     * Withdraws a ready export before its time: it expires now, every link to it stops, and its file is deleted.
     *
     * @throws IllegalExportTransitionException when it is not ready
     * @throws InvalidInputException            ({@code reason}) when no reason is given
     */
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public ExportDefinition withdraw(long definitionId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw new InvalidInputException("reason", "Say why the export is withdrawn (1 to 2,000 characters).");
        }
        if (definitions.find(definitionId).isEmpty()) {
            throw ExportDefinitionService.unknown(definitionId);
        }
        retirement.retire(definitionId, StaffMember.username(), why);
        return definitions.find(definitionId).orElseThrow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
