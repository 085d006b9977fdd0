package org.grassroots.crm.browser;

import java.util.Set;
import java.util.function.Supplier;

import com.microsoft.playwright.Page;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.NewUser;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Real staff accounts for browser tests, made through the same services as the Users screen, and signing in through
 * the real login form.
 */
final class StaffAccounts {

    /** The first admin's password in the test configuration ({@code CRM_ADMIN_PASSWORD}). */
    static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

    private final UserService users;
    private final CrmUserDetailsService userDetails;

    StaffAccounts(UserService users, CrmUserDetailsService userDetails) {
        this.users = users;
        this.userDetails = userDetails;
    }

    /** An account holding only {@code role}, past its first-sign-in password change; returns its username. */
    String create(Role role, String username, String password) {
        as("admin", () -> users.create(new NewUser(username, "Test " + role.label(), Set.of(role),
                "temporary-password-1")));
        as(username, () -> {
            users.changeOwnPassword("temporary-password-1", password);
            return null;
        });
        return username;
    }

    /** Runs {@code work} (test set-up through the services) signed in as {@code username}. */
    <T> T as(String username, Supplier<T> work) {
        var principal = userDetails.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Signs in through the login form in a clean session and waits for the application to show. */
    static void signIn(BrowserSession browser, Page page, String username, String password) {
        page.context().clearCookies();
        page.navigate(browser.url("login"));
        page.fill("vaadin-login-form input[name=username]", username);
        page.fill("vaadin-login-form input[name=password]", password);
        page.locator("vaadin-login-form vaadin-button").first().click();
        page.waitForSelector("vaadin-app-layout");
    }
}
