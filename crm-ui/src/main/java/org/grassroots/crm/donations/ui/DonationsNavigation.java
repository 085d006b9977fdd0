package org.grassroots.crm.donations.ui;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.HighlightConditions;
import com.vaadin.flow.router.RouterLink;

/** The links between the three donations screens, the current one highlighted. */
final class DonationsNavigation extends Nav {

    /** How the donations screens write a date: "Nov 3, 2026". */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    DonationsNavigation() {
        addClassName("donations-nav");
        getElement().setAttribute("aria-label", "Donations sections");
        add(link("Donations", DonationsView.class), link("Recurring plans", RecurringPlansView.class),
                link("Employer/occupation follow-up", FecFollowUpView.class));
    }

    private static RouterLink link(String text, Class<? extends Component> view) {
        RouterLink link = new RouterLink(text, view);
        link.setHighlightCondition(HighlightConditions.sameLocation());
        return link;
    }
}
