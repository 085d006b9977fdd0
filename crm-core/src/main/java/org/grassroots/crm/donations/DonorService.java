package org.grassroots.crm.donations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.donations.internal.DonorSummaryQueries;
import org.grassroots.crm.donations.internal.DonorSummaryRollup;
import org.grassroots.crm.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the organisation knows about its donors, read from the {@code donor_summary} rollup: one donor's summary, the
 * FEC employer/occupation follow-up list, and the dashboard totals. Per-donor figures are for fundraisers and admins;
 * the totals are aggregates that analysts may see as well.
 */
@Service
public class DonorService {

    static final String SUMMARY_TARGET = "donor_summary";

    private final DonorSummaryQueries queries;
    private final DonorSummaryRollup rollup;
    private final DonationRules rules;
    private final AuditLog audit;

    DonorService(DonorSummaryQueries queries, DonorSummaryRollup rollup, DonationRules rules, AuditLog audit) {
        this.queries = queries;
        this.rollup = rollup;
        this.audit = audit;
        this.rules = rules;
    }

    /** Empty when the person has never given (in US dollars). */
    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public Optional<DonorSummary> summaryFor(long personId) {
        return queries.summaryFor(personId, rules.currentCycle());
    }

    /**
     * Donors who gave more than $200 in the current election cycle and have no gift on file with both employer and
     * occupation; biggest cycle totals first.
     */
    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public List<FecFollowUpDonor> fecFollowUp(int offset, int limit) {
        return queries.fecFollowUp(rules.currentCycle(), Math.max(0, offset),
                Math.clamp(limit, 1, DonationService.MAX_PAGE));
    }

    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public long fecFollowUpCount() {
        return queries.fecFollowUpCount(rules.currentCycle());
    }

    /** Gifts and dollars this cycle and active plans: aggregates with nothing about any one donor. */
    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME, Role.ANALYST_NAME})
    @Transactional(readOnly = true)
    public DonationTotals totals() {
        return queries.totals(rules.currentCycle());
    }

    /**
     * Rebuilds every donor's summary from the donation table in one set-based statement: after a bulk load or an
     * import that wrote donations directly, and once at the start of each election cycle. Returns the rows changed.
     */
    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional
    public int refreshAll() {
        ElectionCycle cycle = rules.currentCycle();
        int changed = rollup.rebuildAll(cycle.start());
        audit.record(AuditEntry.of(AuditAction.DONOR_SUMMARIES_REFRESHED, SUMMARY_TARGET, "all",
                Map.of("rowsChanged", changed, "cycle", cycle.label())));
        return changed;
    }
}
