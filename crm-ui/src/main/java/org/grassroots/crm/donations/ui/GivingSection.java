package org.grassroots.crm.donations.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.Dollars;
import org.grassroots.crm.donations.DonorService;
import org.grassroots.crm.donations.DonorSummary;
import org.grassroots.crm.donations.PlanStatus;
import org.grassroots.crm.donations.RecurringPlan;
import org.grassroots.crm.donations.RecurringPlanService;
import org.grassroots.crm.people.ui.SupporterSection;
import org.grassroots.crm.security.Role;

/** The "Giving" card on the supporter page, for fundraisers and admins only: the donor summary and active plans. */
@org.springframework.stereotype.Component
class GivingSection implements SupporterSection {

    static final int ORDER = 20;
    private static final BigDecimal FEC_THRESHOLD = BigDecimal.valueOf(200);

    private final DonorService donors;
    private final RecurringPlanService plans;
    private final AuthenticationContext authentication;

    GivingSection(DonorService donors, RecurringPlanService plans, AuthenticationContext authentication) {
        this.donors = donors;
        this.plans = plans;
        this.authentication = authentication;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Optional<Component> sectionFor(long personId) {
        if (!authentication.hasAnyRole(Role.FUNDRAISER_NAME, Role.ADMIN_NAME)) {
            return Optional.empty();
        }
        Card card = new Card();
        card.addClassName("giving-card");
        card.setTitle("Giving");
        Optional<DonorSummary> summary = donors.summaryFor(personId);
        List<RecurringPlan> activePlans = plans.plansFor(personId).stream()
                .filter(plan -> plan.status() == PlanStatus.ACTIVE).toList();
        if (summary.isEmpty()) {
            card.add(new Paragraph("No gifts recorded yet."));
        } else {
            card.add(figures(summary.get(), activePlans));
        }
        card.addToFooter(new Anchor("donations?" + DonationsView.PERSON_PARAMETER + "=" + personId,
                summary.isEmpty() ? "Record a gift" : "All gifts"));
        return Optional.of(card);
    }

    private static Component figures(DonorSummary summary, List<RecurringPlan> activePlans) {
        DescriptionList list = new DescriptionList();
        list.addClassName("giving-figures");
        add(list, "Lifetime", Dollars.format(summary.lifetimeTotal()) + " in " + gifts(summary.donationCount()));
        add(list, "This cycle (" + summary.cycle().label() + ")",
                Dollars.format(summary.cycleTotal()) + " in " + gifts(summary.cycleCount()));
        add(list, "Largest gift", Dollars.format(summary.largestGift()));
        add(list, "First gift", DonationsNavigation.DATE.format(summary.firstGiftOn()));
        add(list, "Last gift", DonationsNavigation.DATE.format(summary.lastGiftOn()));
        add(list, "Employer / occupation", summary.hasEmployerAndOccupation()
                ? summary.employer() + " / " + summary.occupation() : "Not on file");
        add(list, "Recurring", activePlans.isEmpty() ? "No active plan" : String.join("; ",
                activePlans.stream().map(GivingSection::describe).toList()));
        if (summary.cycleTotal().compareTo(FEC_THRESHOLD) > 0
                && !summary.hasEmployerAndOccupation()) {
            Span warning = new Span("Over $200 this cycle: ask for employer and occupation (FEC).");
            warning.addClassName("giving-warning");
            return new Div(list, warning);
        }
        return list;
    }

    private static void add(DescriptionList list, String term, String description) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(description));
    }

    private static String gifts(int count) {
        return count == 1 ? "1 gift" : count + " gifts";
    }

    private static String describe(RecurringPlan plan) {
        return Dollars.format(plan.amount()) + " " + plan.interval().label().toLowerCase()
                + (plan.platform() == DonationPlatform.MANUAL ? "" : " via " + plan.platform().label())
                + (plan.nextChargeOn() == null ? ""
                : ", next " + DonationsNavigation.DATE.format(plan.nextChargeOn()));
    }
}
