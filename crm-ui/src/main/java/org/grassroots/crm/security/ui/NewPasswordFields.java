package org.grassroots.crm.security.ui;

import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import org.grassroots.crm.security.PasswordPolicy;

/**
 * A new password typed twice. The first field carries the policy as helper text and checks the length at once;
 * the service checks the whole policy, and its message appears on the first field.
 */
final class NewPasswordFields {

    static final String POLICY_HINT = "At least " + PasswordPolicy.MIN_LENGTH
            + " characters and not containing the username. A few unrelated words make a strong one.";

    final PasswordField password;
    final PasswordField repeat = new PasswordField("Repeat the password");

    NewPasswordFields(String label) {
        password = new PasswordField(label);
        password.setHelperText(POLICY_HINT);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setMaxLength(PasswordPolicy.MAX_LENGTH);
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
    }

    /** Binds the first field to the record component {@code property}; the second is only checked. */
    void bind(Binder<?> binder, String property) {
        binder.forField(password).asRequired("Enter a password.")
                .withValidator(value -> value.length() >= PasswordPolicy.MIN_LENGTH,
                        "Use at least " + PasswordPolicy.MIN_LENGTH + " characters.")
                .bind(property);
        var repeatBinding = binder.forField(repeat)
                .asRequired("Type the password again.")
                .withValidator(value -> value.equals(password.getValue()), "The two passwords are not the same.")
                .bind(ignored -> "", null);
        password.addValueChangeListener(event -> {
            if (!repeat.isEmpty()) {
                repeatBinding.validate();
            }
        });
    }
}
