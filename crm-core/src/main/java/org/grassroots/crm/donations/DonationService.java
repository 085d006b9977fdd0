package org.grassroots.crm.donations;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.donations.internal.AuditDetails;
import org.grassroots.crm.donations.internal.DonationEntity;
import org.grassroots.crm.donations.internal.DonationMapper;
import org.grassroots.crm.donations.internal.DonationQueries;
import org.grassroots.crm.donations.internal.DonationRepository;
import org.grassroots.crm.donations.internal.DonationValues;
import org.grassroots.crm.donations.internal.DonorSummaryRollup;
import org.grassroots.crm.donations.internal.RecurringPlanRepository;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gifts: record, correct, delete and list them. Amounts are for fundraisers and admins only. Every change rebuilds
 * the donor's summary in the same transaction and appends one audit event.
 */
@Service
public class DonationService {

    static final String TARGET = "donation";
    static final int MAX_PAGE = 500;

    private final DonationRepository donations;
    private final RecurringPlanRepository plans;
    private final DonationQueries queries;
    private final DonorSummaryRollup rollup;
    private final DonationMapper mapper;
    private final DonationRules rules;
    private final AuditLog audit;
    private final Clock clock;

    DonationService(DonationRepository donations, RecurringPlanRepository plans, DonationQueries queries,
            DonorSummaryRollup rollup, DonationMapper mapper, DonationRules rules, AuditLog audit, Clock clock) {
        this.donations = donations;
        this.plans = plans;
        this.queries = queries;
        this.rollup = rollup;
        this.mapper = mapper;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Donation record(DonationInput input) {
        Donor donor = rules.donor(input.personId(), input.donorEmail());
        DonationValues values = check(input, donor.personId(), null);
        DonationEntity entity = flush(new DonationEntity(values, clock.instant()), values);
        rollup.rebuild(List.of(donor.personId()), rules.currentCycle().start());
        audit.record(AuditEntry.of(AuditAction.DONATION_RECORDED, TARGET, entity.getId(),
                values.auditDetails().toMap()));
        return mapper.toDonation(entity, donor);
    }

    /** Corrects a gift. An erased donor's gift may be corrected while staying unlinked (no donor given). */
    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Donation update(long id, DonationInput input) {
        DonationEntity entity = load(id);
        DonationValues before = entity.values();
        boolean staysUnlinked = before.personId() == null && input.personId() == null
                && (input.donorEmail() == null || input.donorEmail().isBlank());
        Donor donor = staysUnlinked ? null : rules.donor(input.personId(), input.donorEmail());
        DonationValues after = check(input, donor == null ? null : donor.personId(), id);
        if (after.equals(before)) {
            return mapper.toDonation(entity, donor);
        }
        entity.apply(after, clock.instant());
        flush(entity, after);
        rollup.rebuild(Arrays.asList(before.personId(), after.personId()), rules.currentCycle().start());
        audit.record(AuditEntry.of(AuditAction.DONATION_UPDATED, TARGET, id,
                AuditDetails.changes(before.auditDetails(), after.auditDetails())));
        return mapper.toDonation(entity, donor);
    }

    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional
    public void delete(long id) {
        DonationEntity entity = load(id);
        DonationValues values = entity.values();
        donations.delete(entity);
        donations.flush();
        rollup.rebuild(Collections.singletonList(values.personId()), rules.currentCycle().start());
        audit.record(AuditEntry.of(AuditAction.DONATION_DELETED, TARGET, id, values.auditDetails().toMap()));
    }

    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public Optional<Donation> find(long id) {
        return queries.find(id);
    }

    /**
     * Newest first. Pass the cursor of the last row you have to continue (no skip), or the nearest cursor you know
     * and a skip to jump; never counts the whole table.
     */
    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public List<Donation> list(DonationFilter filter, @Nullable DonationCursor after, int skip, int limit) {
        return queries.page(filter, after, Math.max(0, skip), Math.clamp(limit, 1, MAX_PAGE));
    }

    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public List<String> campaigns() {
        return queries.campaigns(MAX_PAGE);
    }

    /** The supporter an email belongs to, for a form to show whom a gift will be recorded for. */
    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public Donor findDonor(String email) {
        return rules.donor(null, email);
    }

    /** The supporter with this number, for a screen that shows or records their gifts. */
    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public Donor donor(long personId) {
        return rules.donor(personId, null);
    }

    private DonationValues check(DonationInput input, @Nullable Long personId, @Nullable Long ownId) {
        var amount = rules.amount(input.amount());
        var receivedOn = rules.notInFuture("receivedOn", input.receivedOn());
        var method = rules.required("method", input.method(), "Choose how the money came in.");
        var platform = rules.required("platform", input.platform(), "Choose the platform.");
        String externalId = rules.optionalText("externalId", input.externalId(), 100);
        if (externalId != null && (ownId == null ? donations.existsByPlatformAndExternalId(platform, externalId)
                : donations.existsByPlatformAndExternalIdAndIdNot(platform, externalId, ownId))) {
            throw new InvalidInputException("externalId",
                    DonationRules.recordedElsewhere("donation", platform, externalId));
        }
        Long planId = input.recurringPlanId();
        if (planId != null && plans.findById(planId).filter(p -> Objects.equals(p.getPersonId(), personId)).isEmpty()) {
            throw new InvalidInputException("recurringPlanId", "That recurring plan is not this donor's.");
        }
        return new DonationValues(personId, amount, receivedOn, method, platform, externalId,
                rules.optionalText("campaign", input.campaign(), 100),
                rules.optionalText("employer", input.employer(), 100),
                rules.optionalText("occupation", input.occupation(), 100), planId);
    }

    private DonationEntity flush(DonationEntity entity, DonationValues values) {
        return DonationRules.savedNow(() -> donations.saveAndFlush(entity), "donation", values.platform(),
                values.externalId());
    }

    private DonationEntity load(long id) {
        return donations.findById(id).orElseThrow(() -> new InvalidInputException("id", "No donation #" + id + "."));
    }
}
