package org.grassroots.crm.exports;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.internal.ExportDefinitionSql;
import org.grassroots.crm.exports.internal.ExportFormatRegistry;
import org.grassroots.crm.exports.internal.ExportProduction;
import org.grassroots.crm.exports.internal.ExportRowQuery;
import org.grassroots.crm.exports.internal.HashedMatchFormat;
import org.grassroots.crm.exports.internal.PartnerRepository;
import org.grassroots.crm.exports.internal.StaffMember;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Export definitions: organizers (and admins) ask for an export of allow-listed fields about a segment of the people
 * who consented to a partner; it then waits for approval ({@link ExportApprovalService}). Sizes are counted with the
 * export's own query, consent included. Fundraisers read definitions, because they sign off donation fields.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME})
public class ExportDefinitionService {

    private static final int MAX_PAGE = 500;

    private final ExportDefinitionSql definitions;
    private final ExportRowQuery rows;
    private final ExportFormatRegistry formats;
    private final PartnerRepository partners;
    private final AuditLog audit;
    private final Clock clock;

    ExportDefinitionService(ExportDefinitionSql definitions, ExportRowQuery rows, ExportFormatRegistry formats,
            PartnerRepository partners, AuditLog audit, Clock clock) {
        this.definitions = definitions;
        this.rows = rows;
        this.formats = formats;
        this.partners = partners;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public ExportDefinition create(ExportDraft draft) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("name", "Name the export (1 to 200 characters).");
        }
        if (!partners.existsById(draft.partnerId())) {
            throw PartnerService.unknown(draft.partnerId());
        }
        String formatId = checkFormat(draft);
        checkSegment(draft.segment());
        long size = rows.count(draft.partnerId(), draft.segment());
        long id = definitions.insert(name, draft, formatId, StaffMember.username(), now(), size);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("partnerId", draft.partnerId());
        facts.put("size", size);
        facts.put("fields", draft.fields().stream().map(ExportField::key).toList());
        facts.put("format", formatId);
        audit.record(AuditEntry.of(AuditAction.EXPORT_REQUESTED, ExportProduction.TARGET, id, facts));
        return definitions.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<ExportDefinition> find(long definitionId) {
        return definitions.find(definitionId);
    }

    /** Newest first; {@code status} narrows when given. */
    @Transactional(readOnly = true)
    public List<ExportDefinition> list(@Nullable ExportStatus status, int offset, int limit) {
        return definitions.page(status, Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
    }

    /** How many people an export of this segment for this partner would hold now, consent included. */
    @Transactional(readOnly = true)
    public long size(long partnerId, ExportSegment segment) {
        checkSegment(segment);
        return rows.count(partnerId, segment);
    }

    /** How many people the definition holds now (it may have changed since it was requested). */
    @Transactional(readOnly = true)
    public long currentSize(long definitionId) {
        ExportDefinition definition = definitions.find(definitionId).orElseThrow(() -> unknown(definitionId));
        return rows.count(definition.partnerId(), definition.segment());
    }

    static InvalidInputException unknown(long definitionId) {
        return new InvalidInputException("definitionId", "No export definition with id " + definitionId + ".");
    }

    private String checkFormat(ExportDraft draft) {
        if (draft.fields().isEmpty()) {
            throw new InvalidInputException("fields", "Choose at least one field to export.");
        }
        if (draft.fields().size() != draft.fields().stream().distinct().count()) {
            throw new InvalidInputException("fields", "Choose each field once.");
        }
        String formatId = draft.formatId() == null ? "" : draft.formatId().strip();
        ExportFormatInfo format = formats.info(formatId).orElseThrow(() -> new InvalidInputException("formatId",
                "Choose one of the available formats" + (formatId.isEmpty() ? "." : "; " + formatId + " is not.")));
        if (format.id().equals(HashedMatchFormat.ID) && !HashedMatchFormat.accepts(draft.fields())) {
            throw new InvalidInputException("fields", "A hashed match file holds only e-mail and phone hashes: "
                    + "choose E-mail, Phone or both.");
        }
        return format.id();
    }

    private void checkSegment(ExportSegment segment) {
        if (segment.joinedFrom() != null && segment.joinedTo() != null
                && segment.joinedFrom().isAfter(segment.joinedTo())) {
            throw new InvalidInputException("joinedTo", "The end of the joining period is before its start.");
        }
        if (segment.tags().stream().anyMatch(tag -> tag == null || tag.isBlank())) {
            throw new InvalidInputException("tags", "A tag cannot be empty.");
        }
        if (!segment.petitionIds().isEmpty()) {
            List<Long> found = definitions.existingPetitions(segment.petitionIds());
            segment.petitionIds().stream().filter(id -> !found.contains(id)).findFirst().ifPresent(id -> {
                throw new InvalidInputException("petitionIds", "No petition with id " + id + ".");
            });
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
