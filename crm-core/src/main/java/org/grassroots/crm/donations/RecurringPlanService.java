package org.grassroots.crm.donations;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.donations.internal.AuditDetails;
import org.grassroots.crm.donations.internal.DonationMapper;
import org.grassroots.crm.donations.internal.DonationRepository;
import org.grassroots.crm.donations.internal.PlanValues;
import org.grassroots.crm.donations.internal.RecurringPlanEntity;
import org.grassroots.crm.donations.internal.RecurringPlanQueries;
import org.grassroots.crm.donations.internal.RecurringPlanRepository;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recurring plans: add, correct, pause/resume/cancel, delete, list. Fundraisers and admins only; all audited. */
@Service
public class RecurringPlanService {

    static final String TARGET = "recurring_plan";

    private final RecurringPlanRepository plans;
    private final DonationRepository donations;
    private final RecurringPlanQueries queries;
    private final DonationMapper mapper;
    private final DonationRules rules;
    private final AuditLog audit;
    private final Clock clock;

    RecurringPlanService(RecurringPlanRepository plans, DonationRepository donations, RecurringPlanQueries queries,
            DonationMapper mapper, DonationRules rules, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.donations = donations;
        this.queries = queries;
        this.mapper = mapper;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional
    public RecurringPlan create(RecurringPlanInput input) {
        Donor donor = rules.donor(input.personId(), input.donorEmail());
        PlanValues values = check(input, donor.personId(), null);
        RecurringPlanEntity entity = flush(new RecurringPlanEntity(values, clock.instant()), values);
        audit.record(AuditEntry.of(AuditAction.RECURRING_PLAN_CREATED, TARGET, entity.getId(),
                values.auditDetails().toMap()));
        return mapper.toPlan(entity, donor);
    }

    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional
    public RecurringPlan update(long id, RecurringPlanInput input) {
        RecurringPlanEntity entity = load(id);
        PlanValues before = entity.values();
        Donor donor = rules.donor(input.personId(), input.donorEmail());
        PlanValues after = check(input, donor.personId(), id);
        if (!after.equals(before)) {
            entity.apply(after, clock.instant());
            flush(entity, after);
            audit.record(AuditEntry.of(AuditAction.RECURRING_PLAN_UPDATED, TARGET, id,
                    AuditDetails.changes(before.auditDetails(), after.auditDetails())));
        }
        return mapper.toPlan(entity, donor);
    }

    /** Pauses, resumes, marks failing or cancels. A cancelled plan stays cancelled. */
    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional
    public RecurringPlan changeStatus(long id, PlanStatus status) {
        RecurringPlanEntity entity = load(id);
        PlanStatus before = entity.getStatus();
        if (status == null) {
            throw new InvalidInputException("status", "Choose a status.");
        }
        if (before == status) {
            return queries.find(id).orElseThrow();
        }
        if (before == PlanStatus.CANCELLED) {
            throw new InvalidInputException("status", "A cancelled plan stays cancelled; add a new plan instead.");
        }
        entity.changeStatus(status, clock.instant());
        plans.saveAndFlush(entity);
        audit.record(AuditEntry.of(AuditAction.RECURRING_PLAN_STATUS_CHANGED, TARGET, id,
                Map.of("before", before.name(), "after", status.name())));
        return queries.find(id).orElseThrow();
    }

    /** Only a plan no gift points to may go; cancel the others, so their history stays whole. */
    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional
    public void delete(long id) {
        RecurringPlanEntity entity = load(id);
        if (donations.existsByRecurringPlanId(id)) {
            throw new InvalidInputException("id", "Gifts were made under this plan; cancel it instead of deleting.");
        }
        PlanValues values = entity.values();
        plans.delete(entity);
        plans.flush();
        audit.record(AuditEntry.of(AuditAction.RECURRING_PLAN_DELETED, TARGET, id, values.auditDetails().toMap()));
    }

    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public List<RecurringPlan> list(@Nullable PlanStatus status, int offset, int limit) {
        return queries.page(status, Math.max(0, offset), Math.clamp(limit, 1, DonationService.MAX_PAGE));
    }

    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public Optional<RecurringPlan> find(long id) {
        return queries.find(id);
    }

    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public List<RecurringPlan> plansFor(long personId) {
        return queries.forPerson(personId);
    }

    private PlanValues check(RecurringPlanInput input, long personId, @Nullable Long ownId) {
        var amount = rules.amount(input.amount());
        var interval = rules.required("interval", input.interval(), "Choose how often the plan charges.");
        var startedOn = rules.notInFuture("startedOn", input.startedOn());
        var nextChargeOn = input.nextChargeOn();
        if (nextChargeOn != null && nextChargeOn.isBefore(startedOn)) {
            throw new InvalidInputException("nextChargeOn", "The next charge cannot be before the start.");
        }
        var platform = rules.required("platform", input.platform(), "Choose the platform.");
        String externalId = rules.optionalText("externalId", input.externalId(), 100);
        if (externalId != null && (ownId == null ? plans.existsByPlatformAndExternalId(platform, externalId)
                : plans.existsByPlatformAndExternalIdAndIdNot(platform, externalId, ownId))) {
            throw new InvalidInputException("externalId",
                    DonationRules.recordedElsewhere("recurring plan", platform, externalId));
        }
        return new PlanValues(personId, amount, interval, startedOn, nextChargeOn, platform, externalId);
    }

    private RecurringPlanEntity flush(RecurringPlanEntity entity, PlanValues values) {
        return DonationRules.savedNow(() -> plans.saveAndFlush(entity), "recurring plan", values.platform(),
                values.externalId());
    }

    private RecurringPlanEntity load(long id) {
        return plans.findById(id).orElseThrow(() -> new InvalidInputException("id", "No recurring plan #" + id + "."));
    }
}
