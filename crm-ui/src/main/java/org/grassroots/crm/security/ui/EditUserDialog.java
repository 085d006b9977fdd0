package org.grassroots.crm.security.ui;

import java.util.Set;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserAccount;
import org.grassroots.crm.security.UserService;
import org.grassroots.crm.security.UserUpdate;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.ui.Feedback;

/** Changes an account's name and roles; the username is fixed once created. */
final class EditUserDialog extends Dialog {

    /** What the form edits; public because Binder builds it by reflection. */
    public record Details(String displayName, Set<Role> roles) {
    }

    private final UserService users;
    private final UserAccount account;
    private final Consumer<UserAccount> onSaved;
    private final TextField displayName = new TextField("Name");
    private final RoleCheckboxes roles = new RoleCheckboxes();
    private final Binder<Details> binder = new Binder<>(Details.class);
    private final FieldErrors errors;

    EditUserDialog(UserService users, UserAccount account, Consumer<UserAccount> onSaved) {
        this.users = users;
        this.account = account;
        this.onSaved = onSaved;
        setHeaderTitle("Edit " + account.username());
        setWidth("36rem");
        setMaxWidth("100%");

        displayName.setMaxLength(100);
        binder.forField(displayName).asRequired("Enter the person's name.").bind("displayName");
        binder.forField(roles).asRequired("Choose at least one role.").bind("roles");
        binder.readRecord(new Details(account.displayName(), account.roles()));
        errors = new FieldErrors().on("displayName", displayName).on("roles", roles);

        FormLayout form = new FormLayout(displayName, roles);
        form.setResponsiveSteps(new ResponsiveStep("0", 1));
        add(form);

        Button save = new Button("Save", event -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), save);
    }

    private void save() {
        Details details;
        try {
            details = binder.writeRecord();
        } catch (ValidationException invalid) {
            return;
        }
        try {
            UserAccount saved = users.update(new UserUpdate(account.id(), details.displayName(), details.roles()));
            close();
            Feedback.success("Saved " + saved.username() + ".");
            onSaved.accept(saved);
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }
}
