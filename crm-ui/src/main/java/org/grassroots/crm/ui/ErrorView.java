package org.grassroots.crm.ui;

import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shown when opening a page fails unexpectedly. The user gets a short reference; the log gets the same reference
 * with the stack trace, so support can find one in the other. Deliberately outside {@link MainLayout}: a failure in
 * the layout itself must not fail again while showing this page.
 */
@PageTitle("Something went wrong")
@AnonymousAllowed
class ErrorView extends Div implements HasErrorParameter<Exception> {

    static final String TITLE = "Something went wrong";

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    private final Span reference = new Span();

    ErrorView() {
        addClassName("error-page");
        addClassName("error-page-standalone");
        reference.addClassName("error-reference");
        add(new H2(TITLE),
                new Paragraph("This page could not be shown. Try again in a moment."),
                new Paragraph(new Span("If it keeps happening, give an administrator this reference: "), reference),
                new Anchor(".", "Go to the home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String code = newReference();
        log.error("Error reference {} while opening /{}", code,
                event.getLocation().getPathWithQueryParameters(), parameter.getCaughtException());
        reference.setText(code);
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }

    String reference() {
        return reference.getText();
    }

    private static String newReference() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
