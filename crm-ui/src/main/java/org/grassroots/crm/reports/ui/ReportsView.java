package org.grassroots.crm.reports.ui;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.reports.ReportInfo;
import org.grassroots.crm.reports.ReportService;
import org.grassroots.crm.security.Role;

/** The reports of the running report plugins, each with what it shows; every staff role may open them. */
@Route("reports")
@PageTitle("Reports")
@Menu(order = 60, icon = "vaadin:chart")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME,
        Role.ANALYST_NAME})
class ReportsView extends VerticalLayout {

    static final String EMPTY = "No report plugins are running. An admin enables the State reports plugin on the"
            + " Plugins screen.";

    final Div list = new Div();

    ReportsView(ReportService reports, AuthenticationContext authentication) {
        addClassName("reports-view");
        list.addClassName("reports-list");
        add(list);
        List<ReportInfo> running = reports.reports();
        if (running.isEmpty()) {
            Paragraph empty = new Paragraph(EMPTY);
            empty.addClassName("reports-empty");
            list.add(empty);
            if (authentication.hasRole(Role.ADMIN_NAME)) {
                list.add(new Anchor("plugins", "Open the Plugins screen"));
            }
            return;
        }
        running.forEach(report -> list.add(card(report)));
    }

    private static Div card(ReportInfo report) {
        RouterLink title = new RouterLink(report.name(), ReportView.class,
                new RouteParameters(ReportView.ID, report.id()));
        H3 heading = new H3(title);
        Span source = new Span("From the " + report.pluginId() + " plugin");
        source.addClassName("report-card-source");
        Div card = new Div(heading, new Paragraph(report.description()), source);
        card.addClassName("report-card");
        return card;
    }
}
