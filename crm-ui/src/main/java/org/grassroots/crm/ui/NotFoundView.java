package org.grassroots.crm.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Shown for an address that leads nowhere and, because Vaadin's access control answers a view the user may not open
 * as "not found", also for a denied view: one message for both, so it never reveals which pages exist.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found")
@AnonymousAllowed
class NotFoundView extends RouteNotFoundError implements HasComponents, HasStyle {

    static final String MESSAGE = "We couldn't find that page, or you don't have access to it.";
    static final String HOME_LINK = "Go to the home page";

    NotFoundView() {
        addClassName("error-page");
        Paragraph hint = new Paragraph("Check the address, or pick a page from the menu. "
                + "If you think you should have access, ask an administrator.");
        hint.addClassName("error-hint");
        add(new H2("Page not found"), new Paragraph(MESSAGE), hint, new Anchor(".", HOME_LINK));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
