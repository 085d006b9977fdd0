package org.grassroots.crm.exports;

import java.time.Instant;

/** One person's approval of an export, and how many people the export held when they approved. */
public record ExportApproval(String approver, ApprovalCapacity capacity, long size, Instant approvedAt) {
}
