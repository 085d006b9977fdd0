package org.grassroots.crm.security.ui;

import com.vaadin.flow.component.html.DescriptionList;

/** Terms and their descriptions in two aligned columns, the terms in the secondary text colour. */
final class FactList extends DescriptionList {

    FactList() {
        getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
                .set("gap", "var(--lumo-space-s) var(--lumo-space-l)").set("margin", "0");
    }

    FactList fact(String term, String description) {
        Term termElement = new Term(term);
        termElement.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Description descriptionElement = new Description(description);
        descriptionElement.getStyle().set("margin", "0");
        add(termElement, descriptionElement);
        return this;
    }
}
