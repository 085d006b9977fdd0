package org.grassroots.crm.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** A test-only page that fails while opening, to show what the user sees then. */
@Route(value = "test-only/failing", autoLayout = false)
@AnonymousAllowed
class FailingTestView extends Div {

    static final String SECRET = "connection refused to db-primary.internal:5432";

    FailingTestView() {
        throw new IllegalStateException(SECRET);
    }
}
