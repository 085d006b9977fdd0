package org.grassroots.crm.ui;

import java.util.Optional;

import com.vaadin.flow.router.BeforeEnterEvent;

/** Reads a numeric id from a route such as {@code events/:id}; an id that is not a number leads nowhere. */
public final class RouteIds {

    private RouteIds() {
    }

    /** The parameter as a number, or empty when it is missing or not a whole number. */
    public static Optional<Long> number(BeforeEnterEvent event, String parameter) {
        try {
            return Optional.of(Long.parseLong(event.getRouteParameters().get(parameter).orElse("")));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
