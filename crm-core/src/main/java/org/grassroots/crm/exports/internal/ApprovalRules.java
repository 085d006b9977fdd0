package org.grassroots.crm.exports.internal;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.crm.exports.ApprovalCapacity;
import org.grassroots.crm.exports.ExportApproval;
import org.grassroots.crm.exports.ExportDefinition;
import org.springframework.stereotype.Component;

/**
 * When an export is approved: an administrator's approval always; a second, different administrator's when it
 * holds more people than {@code crm.exports.second-approval-threshold}; a fundraiser's sign-off when it contains
 * donation fields. Approvers are never the requester and never the same person twice (the table's key).
 */
@Component
public class ApprovalRules {

    private final long threshold;

    ApprovalRules(ExportsProperties properties) {
        this.threshold = properties.secondApprovalThreshold();
    }

    public long threshold() {
        return threshold;
    }

    public int adminApprovalsNeeded(long size) {
        return size > threshold ? 2 : 1;
    }

    /** What the export still lacks at this size, in words for staff; empty when it is approved. */
    public List<String> missing(ExportDefinition definition, List<ExportApproval> approvals, long size) {
        List<String> missing = new ArrayList<>();
        long admins = approvals.stream().filter(a -> a.capacity() == ApprovalCapacity.ADMIN).count();
        int needed = adminApprovalsNeeded(size);
        if (admins == 0) {
            missing.add("an administrator's approval");
        }
        if (needed == 2 && admins < 2) {
            missing.add("a second administrator's approval (" + String.format("%,d", size) + " people is over the "
                    + "threshold of " + String.format("%,d", threshold) + ")");
        }
        if (definition.includesDonationFields()
                && approvals.stream().noneMatch(a -> a.capacity() == ApprovalCapacity.FUNDRAISER)) {
            missing.add("a fundraiser's sign-off for the donation fields");
        }
        return missing;
    }
}
