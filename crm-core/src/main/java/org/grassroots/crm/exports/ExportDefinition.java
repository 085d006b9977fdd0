package org.grassroots.crm.exports;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An export definition with its approvals and where it stands.
 *
 * @param sizeAtRequest how many people it held when requested
 * @param approvals     oldest first
 * @param rowCount      the rows of the produced file, once {@link ExportStatus#READY}
 */
public record ExportDefinition(long id, String name, long partnerId, String partnerName, ExportStatus status,
        ExportSegment segment, List<ExportField> fields, String formatId, String requestedBy, Instant requestedAt,
        long sizeAtRequest, List<ExportApproval> approvals, @Nullable Instant approvedAt,
        @Nullable String rejectedBy, @Nullable Instant rejectedAt, @Nullable String rejectionReason,
        @Nullable Instant readyAt, @Nullable Long rowCount, @Nullable Instant expiresAt,
        @Nullable Instant expiredAt) {

    public ExportDefinition {
        fields = List.copyOf(fields);
        approvals = List.copyOf(approvals);
    }

    public boolean includesDonationFields() {
        return fields.stream().anyMatch(ExportField::donation);
    }
}
