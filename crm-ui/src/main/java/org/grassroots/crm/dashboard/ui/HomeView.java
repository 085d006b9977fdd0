package org.grassroots.crm.dashboard.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The first page after sign-in. */
@Route("")
@PageTitle("Home")
@Menu(order = 0, icon = "vaadin:home")
@PermitAll
class HomeView extends VerticalLayout {

    HomeView() {
        add(new H2("Welcome"), new Paragraph("Grassroots CRM"));
    }
}
