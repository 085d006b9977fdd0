package org.grassroots.crm.security.ui;

import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import org.grassroots.crm.common.InvalidInputException;

/**
 * Shows a service's refusal beside the form field it names. A refusal naming no field on the form (an account
 * removed meanwhile, say) becomes an error notification instead, so no message is ever lost.
 */
final class FieldErrors {

    private final Map<String, HasValidation> fields = new HashMap<>();

    /** Routes errors the service reports on {@code serviceField} to {@code field}. */
    FieldErrors on(String serviceField, HasValidation field) {
        fields.put(serviceField, field);
        return this;
    }

    void show(InvalidInputException error) {
        HasValidation field = fields.get(error.field());
        if (field == null) {
            Feedback.error(error.getMessage());
            return;
        }
        field.setErrorMessage(error.getMessage());
        field.setInvalid(true);
        if (field instanceof Focusable<?> focusable) {
            focusable.focus();
        }
    }
}
