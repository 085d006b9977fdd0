package org.grassroots.crm.donations.ui;

import java.math.BigDecimal;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.data.binder.Setter;

/** A dollar amount with the service's rules checked as the user types: more than zero, whole cents, under $10M. */
final class DollarAmountField extends BigDecimalField {

    private static final BigDecimal LIMIT = new BigDecimal("10000000");

    DollarAmountField(String label) {
        super(label);
        setPrefixComponent(new Span("$"));
    }

    <B> void bind(Binder<B> binder, ValueProvider<B, BigDecimal> getter, Setter<B, BigDecimal> setter) {
        binder.forField(this).asRequired("Enter the amount.")
                .withValidator(amount -> amount.signum() > 0, "The amount must be more than zero.")
                .withValidator(amount -> amount.stripTrailingZeros().scale() <= 2,
                        "Use at most two decimals (whole cents).")
                .withValidator(amount -> amount.compareTo(LIMIT) < 0, "The amount must be less than $10,000,000.")
                .bind(getter, setter);
    }
}
