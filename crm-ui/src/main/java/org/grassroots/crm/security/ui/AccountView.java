package org.grassroots.crm.security.ui;

import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.PasswordPolicy;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserAccount;
import org.grassroots.crm.security.UserService;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.ui.Feedback;

/**
 * The signed-in person's own account: who they are, which roles they hold, and a form to change their password.
 * The layout sends anyone with a temporary password here until they have chosen their own.
 */
@Route("account")
@PageTitle("Your account")
@PermitAll
class AccountView extends VerticalLayout {

    static final String TEMPORARY_PASSWORD_BANNER =
            "An administrator set a temporary password. Choose your own password to continue.";

    /** What the form collects; public because Binder builds it by reflection. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    private final UserService users;
    private final PasswordField currentPassword = new PasswordField("Current password");
    private final NewPasswordFields newPassword = new NewPasswordFields("New password");
    private final Binder<PasswordChange> binder = new Binder<>(PasswordChange.class);
    private final FieldErrors errors;

    AccountView(UserService users) {
        this.users = users;
        addClassName("account-view");
        setMaxWidth("44rem");

        UserAccount account = users.currentAccount();
        if (account.mustChangePassword()) {
            add(temporaryPasswordBanner());
        }

        currentPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        currentPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        currentPassword.setAutofocus(account.mustChangePassword());
        binder.forField(currentPassword).asRequired("Enter your current password.").bind("currentPassword");
        newPassword.bind(binder, "newPassword");
        errors = new FieldErrors().on("currentPassword", currentPassword).on("newPassword", newPassword.password);

        add(whoYouAre(account), passwordForm());
    }

    private static Component temporaryPasswordBanner() {
        Div banner = new Div(VaadinIcon.WARNING.create(), new Div(TEMPORARY_PASSWORD_BANNER));
        banner.addClassName("temporary-password-banner");
        banner.getElement().setAttribute("role", "alert");
        banner.getStyle()
                .set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center")
                .set("box-sizing", "border-box").set("width", "100%")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-warning-color-10pct)")
                .set("color", "var(--lumo-warning-text-color)")
                .set("font-weight", "500");
        return banner;
    }

    private static Component whoYouAre(UserAccount account) {
        FactList facts = new FactList()
                .fact("Username", account.username())
                .fact("Name", account.displayName())
                .fact("Roles", account.roles().stream().sorted().map(Role::label).collect(Collectors.joining(", ")));
        Card card = new Card();
        card.setTitle("Signed in as");
        card.add(facts);
        card.setWidthFull();
        return card;
    }

    private Component passwordForm() {
        FormLayout form = new FormLayout(currentPassword, newPassword.password, newPassword.repeat);
        form.setResponsiveSteps(new ResponsiveStep("0", 1));
        Button change = new Button("Change password", event -> changePassword());
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Card card = new Card();
        card.setTitle("Change your password");
        card.add(form, change);
        card.setWidthFull();
        return card;
    }

    private void changePassword() {
        PasswordChange change;
        try {
            change = binder.writeRecord();
        } catch (ValidationException invalid) {
            return;
        }
        try {
            users.changeOwnPassword(change.currentPassword(), change.newPassword());
            Feedback.success("Your password has been changed.");
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }
}
