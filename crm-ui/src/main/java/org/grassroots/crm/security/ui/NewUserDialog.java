package org.grassroots.crm.security.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.textfield.Autocapitalize;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.NewUser;
import org.grassroots.crm.security.UserAccount;
import org.grassroots.crm.security.UserService;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.ui.Feedback;

/** Creates a staff account whose holder must replace the initial password at first sign-in. */
final class NewUserDialog extends Dialog {

    private final UserService users;
    private final Consumer<UserAccount> onCreated;
    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Name");
    private final RoleCheckboxes roles = new RoleCheckboxes();
    private final NewPasswordFields password = new NewPasswordFields("Initial password");
    private final Binder<NewUser> binder = new Binder<>(NewUser.class);
    private final FieldErrors errors;

    NewUserDialog(UserService users, Consumer<UserAccount> onCreated) {
        this.users = users;
        this.onCreated = onCreated;
        setHeaderTitle("New user");
        setWidth("36rem");
        setMaxWidth("100%");

        username.setHelperText("For signing in: 3 to 40 lower-case letters, digits, dots, dashes or underscores.");
        username.setMaxLength(40);
        username.setAutocomplete(Autocomplete.OFF);
        username.setAutocapitalize(Autocapitalize.NONE);
        username.setAutocorrect(false);
        displayName.setHelperText("As colleagues will see it.");
        displayName.setMaxLength(100);

        binder.forField(username).asRequired("Enter a username.").bind("username");
        binder.forField(displayName).asRequired("Enter the person's name.").bind("displayName");
        binder.forField(roles).asRequired("Choose at least one role.").bind("roles");
        password.bind(binder, "initialPassword");
        errors = new FieldErrors().on("username", username).on("displayName", displayName).on("roles", roles)
                .on("password", password.password);

        FormLayout form = new FormLayout(username, displayName, roles, password.password, password.repeat);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
        form.setColspan(roles, 2);
        add(form);

        Button create = new Button("Create user", event -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), create);
        username.setAutofocus(true);
    }

    private void create() {
        NewUser request;
        try {
            request = binder.writeRecord();
        } catch (ValidationException invalid) {
            return;
        }
        try {
            UserAccount created = users.create(request);
            close();
            Feedback.success("Created " + created.username()
                    + ". They must choose their own password at first sign-in.");
            onCreated.accept(created);
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }
}
