package org.grassroots.crm.exports;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.internal.ApprovalRules;
import org.grassroots.crm.exports.internal.ExportDefinitionSql;
import org.grassroots.crm.exports.internal.ExportProduction;
import org.grassroots.crm.exports.internal.ExportRowQuery;
import org.grassroots.crm.exports.internal.StaffMember;
import org.grassroots.crm.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approving and rejecting export definitions. Every export needs an administrator's approval; one holding more
 * people than {@code crm.exports.second-approval-threshold} (counted anew at each approval) needs a second
 * administrator's; one with donation fields needs a fundraiser's sign-off too. Each approval is a different person,
 * never the one who asked for the export. The last approval needed moves the definition to
 * {@link ExportStatus#APPROVED}. Each step is one audit event.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME})
public class ExportApprovalService {

    private final ExportDefinitionSql definitions;
    private final ExportRowQuery rows;
    private final ApprovalRules rules;
    private final AuditLog audit;
    private final Clock clock;

    ExportApprovalService(ExportDefinitionSql definitions, ExportRowQuery rows, ApprovalRules rules, AuditLog audit,
            Clock clock) {
        this.definitions = definitions;
        this.rows = rows;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** An administrator's approval. */
    @Transactional
    @RolesAllowed(Role.ADMIN_NAME)
    public ExportDefinition approve(long definitionId) {
        return approveAs(definitionId, ApprovalCapacity.ADMIN, AuditAction.EXPORT_APPROVED);
    }

    /** A fundraiser's sign-off for the donation fields of an export. */
    @Transactional
    @RolesAllowed(Role.FUNDRAISER_NAME)
    public ExportDefinition signOffDonationFields(long definitionId) {
        return approveAs(definitionId, ApprovalCapacity.FUNDRAISER, AuditAction.EXPORT_DONATIONS_SIGNED_OFF);
    }

    /** Refuses the export for good, with the reason the requester will read. Fundraisers may reject donation ones. */
    @Transactional
    @RolesAllowed({Role.ADMIN_NAME, Role.FUNDRAISER_NAME})
    public ExportDefinition reject(long definitionId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw new InvalidInputException("reason", "Say why the export is rejected (1 to 2,000 characters).");
        }
        ExportDefinition definition = pending(definitionId, ExportStatus.REJECTED);
        if (!StaffMember.hasRole(Role.ADMIN) && !definition.includesDonationFields()) {
            throw new AccessDeniedException("Only an administrator can reject an export without donation fields.");
        }
        definitions.markRejected(definitionId, StaffMember.username(), why, now());
        audit.record(AuditEntry.of(AuditAction.EXPORT_REJECTED, ExportProduction.TARGET, definitionId,
                Map.of("reason", why)));
        return definitions.find(definitionId).orElseThrow();
    }

    /** An export of more people than this needs a second administrator's approval. */
    public long secondApprovalThreshold() {
        return rules.threshold();
    }

    /** What the export still needs before it is approved, at its current size; empty once approved. */
    @Transactional(readOnly = true)
    public List<String> stillNeeded(long definitionId) {
        ExportDefinition definition = definitions.find(definitionId)
                .orElseThrow(() -> ExportDefinitionService.unknown(definitionId));
        if (definition.status() != ExportStatus.PENDING_APPROVAL) {
            return List.of();
        }
        return rules.missing(definition, definition.approvals(), size(definition));
    }

    private ExportDefinition approveAs(long definitionId, ApprovalCapacity capacity, AuditAction action) {
        ExportDefinition definition = pending(definitionId, ExportStatus.APPROVED);
        String me = StaffMember.username();
        if (me.equals(definition.requestedBy())) {
            throw new InvalidInputException("approver", "You asked for this export, so someone else must approve it.");
        }
        if (capacity == ApprovalCapacity.FUNDRAISER && !definition.includesDonationFields()) {
            throw new InvalidInputException("definitionId",
                    "This export has no donation fields, so it needs no fundraiser's sign-off.");
        }
        long size = size(definition);
        Instant now = now();
        if (!definitions.addApproval(definitionId, me, capacity, size, now)) {
            throw new InvalidInputException("approver",
                    "You already approved this export; the next approval must come from another person.");
        }
        ExportDefinition approved = definitions.find(definitionId).orElseThrow();
        List<String> missing = rules.missing(approved, approved.approvals(), size);
        if (missing.isEmpty()) {
            definitions.markApproved(definitionId, now);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("size", size);
        facts.put("approvals", approved.approvals().size());
        facts.put("complete", missing.isEmpty());
        facts.put("stillNeeded", String.join("; ", missing));
        audit.record(AuditEntry.of(action, ExportProduction.TARGET, definitionId, facts));
        return definitions.find(definitionId).orElseThrow();
    }

    private ExportDefinition pending(long definitionId, ExportStatus target) {
        ExportStatus status = definitions.lockStatus(definitionId)
                .orElseThrow(() -> ExportDefinitionService.unknown(definitionId));
        if (status != ExportStatus.PENDING_APPROVAL) {
            throw new IllegalExportTransitionException(definitionId, status, target);
        }
        return definitions.find(definitionId).orElseThrow();
    }

    private long size(ExportDefinition definition) {
        return rows.count(definition.partnerId(), definition.segment());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
