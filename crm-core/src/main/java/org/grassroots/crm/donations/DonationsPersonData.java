package org.grassroots.crm.donations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.donations.internal.DonationOwnership;
import org.grassroots.crm.donations.internal.DonationQueries;
import org.grassroots.crm.donations.internal.DonorSummaryRollup;
import org.grassroots.crm.donations.internal.RecurringPlanQueries;
import org.grassroots.crm.people.PersonDataParticipant;
import org.grassroots.crm.security.Role;
import org.springframework.stereotype.Component;

/**
 * Donations follow a supporter through merges (gifts and plans move to the survivor, both summaries are rebuilt) and
 * erasure (gifts and plans are kept for the books but unlinked, the summary goes). The people feature checks who may
 * merge or erase and audits the action; this runs inside its transaction.
 */
@Component
class DonationsPersonData implements PersonDataParticipant {

    /** A subject-access export holds every gift a person made; far beyond any real donor. */
    private static final int EXPORT_LIMIT = 100_000;

    private final DonationOwnership ownership;
    private final DonorSummaryRollup rollup;
    private final DonationQueries donations;
    private final RecurringPlanQueries plans;
    private final DonationRules rules;

    DonationsPersonData(DonationOwnership ownership, DonorSummaryRollup rollup, DonationQueries donations,
            RecurringPlanQueries plans, DonationRules rules) {
        this.ownership = ownership;
        this.rollup = rollup;
        this.donations = donations;
        this.plans = plans;
        this.rules = rules;
    }

    @Override
    public String section() {
        return "donations";
    }

    @Override
    public void moveAll(long fromPersonId, long intoPersonId) {
        ownership.moveAll(fromPersonId, intoPersonId);
        rollup.rebuild(List.of(fromPersonId, intoPersonId), rules.currentCycle().start());
    }

    @Override
    public void erase(long personId) {
        ownership.unlinkAll(personId);
        rollup.remove(personId);
    }

    /** Gifts (with amounts) and recurring plans; amounts, so fundraisers and admins only. */
    @Override
    @RolesAllowed({Role.FUNDRAISER_NAME, Role.ADMIN_NAME})
    public List<Map<String, Object>> export(long personId) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Donation gift : donations.forPerson(personId, EXPORT_LIMIT)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "donation");
            item.put("id", gift.id());
            item.put("amount", gift.amount().toPlainString());
            item.put("currency", gift.currency());
            item.put("receivedOn", gift.receivedOn().toString());
            item.put("method", gift.method().name());
            item.put("platform", gift.platform().name());
            putIfPresent(item, "externalId", gift.externalId());
            putIfPresent(item, "campaign", gift.campaign());
            putIfPresent(item, "employer", gift.employer());
            putIfPresent(item, "occupation", gift.occupation());
            putIfPresent(item, "recurringPlanId", gift.recurringPlanId());
            items.add(item);
        }
        for (RecurringPlan plan : plans.forPerson(personId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "recurring_plan");
            item.put("id", plan.id());
            item.put("amount", plan.amount().toPlainString());
            item.put("currency", plan.currency());
            item.put("interval", plan.interval().name());
            item.put("status", plan.status().name());
            item.put("startedOn", plan.startedOn().toString());
            putIfPresent(item, "nextChargeOn", plan.nextChargeOn());
            item.put("platform", plan.platform().name());
            putIfPresent(item, "externalId", plan.externalId());
            items.add(item);
        }
        return items;
    }

    private static void putIfPresent(Map<String, Object> item, String key, Object value) {
        if (value != null) {
            item.put(key, value instanceof java.time.LocalDate date ? date.toString() : value);
        }
    }
}
