package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.exports.ExportDefinition;
import org.grassroots.crm.exports.ExportStatus;
import org.grassroots.crm.exports.IllegalExportTransitionException;
import org.grassroots.crm.exports.MatchKey;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps after approval, for the delivery job (which runs as the system, so there is no role check: only this
 * feature can reach an {@code internal} class). Write the file of an {@link ExportStatus#APPROVED} definition, then
 * {@link #markReady} with the rows written (which re-checks the approvals against that exact count), and
 * {@link #expire} it later. One audit event per step, never per row.
 */
@Component
public class ExportProduction {

    public static final String TARGET = "export";

    private final ExportDefinitionSql definitions;
    private final ExportFormatRegistry formats;
    private final ExportFileWriter files;
    private final ApprovalRules rules;
    private final AuditLog audit;
    private final Clock clock;

    ExportProduction(ExportDefinitionSql definitions, ExportFormatRegistry formats, ExportFileWriter files,
            ApprovalRules rules, AuditLog audit, Clock clock) {
        this.definitions = definitions;
        this.formats = formats;
        this.files = files;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ExportDefinition> find(long definitionId) {
        return definitions.find(definitionId);
    }

    /**
     * Writes the approved definition's file to {@code out} (the caller encrypts and stores it).
     *
     * @param key the key agreed with the partner for a hashed match file, else {@code null}
     * @return the number of people written
     * @throws IllegalExportTransitionException when the definition is not approved
     */
    public long write(long definitionId, @Nullable MatchKey key, OutputStream out) throws IOException {
        return write(definitionId, key, out, written -> { });
    }

    /** Like {@link #write(long, MatchKey, OutputStream)}, telling {@code afterRow} the rows written so far. */
    public long write(long definitionId, @Nullable MatchKey key, OutputStream out, LongConsumer afterRow)
            throws IOException {
        ExportDefinition definition = definitions.find(definitionId).orElseThrow(() -> unknown(definitionId));
        if (definition.status() != ExportStatus.APPROVED) {
            throw new IllegalExportTransitionException(definitionId, definition.status(), ExportStatus.READY);
        }
        return files.write(definition, formats.resolve(definition.formatId(), key), out, afterRow);
    }

    /**
     * Marks the file produced. When it holds more people than the approvals cover (the segment grew past the
     * threshold since), the definition goes back to waiting for approval instead, and the caller must discard the
     * file: this returns {@code false}.
     */
    @Transactional
    public boolean markReady(long definitionId, long rows, Instant expiresAt) {
        return markReady(definitionId, rows, expiresAt, null, Map.of());
    }

    /**
     * Like {@link #markReady(long, long, Instant)}, for the delivery job: the audit event names the staff member who
     * started the production ({@code null}: whoever is signed in) and adds {@code facts} (the job, the file's size).
     */
    @Transactional
    public boolean markReady(long definitionId, long rows, Instant expiresAt, @Nullable String producedFor,
            Map<String, ?> facts) {
        ExportStatus status = definitions.lockStatus(definitionId).orElseThrow(() -> unknown(definitionId));
        if (!status.canMoveTo(ExportStatus.READY)) {
            throw new IllegalExportTransitionException(definitionId, status, ExportStatus.READY);
        }
        ExportDefinition definition = definitions.find(definitionId).orElseThrow();
        List<String> missing = rules.missing(definition, definition.approvals(), rows);
        Instant now = now();
        if (!missing.isEmpty()) {
            definitions.markPendingAgain(definitionId, now);
            Map<String, Object> details = new LinkedHashMap<>(facts);
            details.put("rows", rows);
            details.put("missing", String.join("; ", missing));
            audit.record(new AuditEntry(producedFor, AuditAction.EXPORT_RETURNED_FOR_APPROVAL, TARGET,
                    String.valueOf(definitionId), null, details));
            return false;
        }
        definitions.markReady(definitionId, rows, expiresAt, now);
        Map<String, Object> details = new LinkedHashMap<>(facts);
        details.put("rows", rows);
        details.put("expiresAt", expiresAt.toString());
        details.put("format", definition.formatId());
        audit.record(new AuditEntry(producedFor, AuditAction.EXPORT_READY, TARGET, String.valueOf(definitionId), null,
                details));
        return true;
    }

    /** Ends a ready export's life: its link stops working (the caller deletes the stored file). */
    @Transactional
    public void expire(long definitionId, String reason) {
        ExportStatus status = definitions.lockStatus(definitionId).orElseThrow(() -> unknown(definitionId));
        if (!status.canMoveTo(ExportStatus.EXPIRED)) {
            throw new IllegalExportTransitionException(definitionId, status, ExportStatus.EXPIRED);
        }
        definitions.markExpired(definitionId, now());
        audit.record(AuditEntry.of(AuditAction.EXPORT_EXPIRED, TARGET, definitionId, Map.of("reason", reason)));
    }

    /** Ready exports whose expiry time has passed, for a scheduled sweep that calls {@link #expire} on each. */
    @Transactional(readOnly = true)
    public List<Long> dueForExpiry() {
        return definitions.dueForExpiry(now());
    }

    static IllegalArgumentException unknown(long definitionId) {
        return new IllegalArgumentException("No export definition with id " + definitionId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
