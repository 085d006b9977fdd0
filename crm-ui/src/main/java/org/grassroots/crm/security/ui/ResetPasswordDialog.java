package org.grassroots.crm.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.UserAccount;
import org.grassroots.crm.security.UserService;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.ui.Feedback;

/** Sets a temporary password for someone who forgot theirs; they must replace it at their next sign-in. */
final class ResetPasswordDialog extends Dialog {

    /** What the form collects; public because Binder builds it by reflection. */
    public record TemporaryPassword(String password) {
    }

    private final UserService users;
    private final UserAccount account;
    private final Runnable onReset;
    private final NewPasswordFields password = new NewPasswordFields("Temporary password");
    private final Binder<TemporaryPassword> binder = new Binder<>(TemporaryPassword.class);
    private final FieldErrors errors;

    ResetPasswordDialog(UserService users, UserAccount account, Runnable onReset) {
        this.users = users;
        this.account = account;
        this.onReset = onReset;
        setHeaderTitle("Reset the password of " + account.displayName());
        setWidth("32rem");
        setMaxWidth("100%");

        password.bind(binder, "password");
        errors = new FieldErrors().on("password", password.password);

        Paragraph explanation = new Paragraph("Choose a temporary password for " + account.username()
                + " and tell it to them in person or by phone. When they next sign in, they must replace it with a"
                + " password of their own.");
        FormLayout form = new FormLayout(password.password, password.repeat);
        form.setResponsiveSteps(new ResponsiveStep("0", 1));
        add(explanation, form);

        Button reset = new Button("Set temporary password", event -> reset());
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), reset);
        password.password.setAutofocus(true);
    }

    private void reset() {
        TemporaryPassword temporary;
        try {
            temporary = binder.writeRecord();
        } catch (ValidationException invalid) {
            return;
        }
        try {
            users.resetPassword(account.id(), temporary.password());
            close();
            Feedback.success("Set a temporary password for " + account.username()
                    + ". They must change it at their next sign-in.");
            onReset.run();
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }
}
