package org.grassroots.crm.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The sign-in page. Messages never say whether an account exists. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Grassroots CRM")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(messages(false));

        H1 title = new H1("Grassroots CRM");
        title.addClassName("login-title");
        Paragraph tagline = new Paragraph("Supporters, donors and volunteers in one place.");
        tagline.addClassName("login-tagline");
        Paragraph help = new Paragraph("Forgot your password? Ask an administrator to reset it.");
        help.addClassName("login-help");
        add(new Div(title, tagline), form, help);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("locked")) {
            form.setI18n(messages(true));
            form.setError(true);
        } else if (parameters.containsKey("ended")) {
            LoginI18n i18n = messages(false);
            i18n.getErrorMessage().setTitle("You were signed out");
            i18n.getErrorMessage().setMessage("An administrator changed your account. Sign in again to continue.");
            form.setI18n(i18n);
            form.setError(true);
        } else if (parameters.containsKey("error")) {
            form.setError(true);
        }
    }

    private static LoginI18n messages(boolean locked) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setSubmit("Sign in");
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (locked) {
            error.setTitle("Sign-in is locked for now");
            error.setMessage("Too many failed attempts for this account or from this network. "
                    + "Wait 15 minutes and try again, or ask an administrator.");
        } else {
            error.setTitle("Incorrect username or password");
            error.setMessage("Check them and try again. After 10 failed attempts sign-in locks for 15 minutes.");
        }
        return i18n;
    }
}
