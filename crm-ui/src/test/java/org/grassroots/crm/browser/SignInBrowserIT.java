package org.grassroots.crm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEvent;
import org.grassroots.crm.audit.AuditFilter;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.NewUser;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Signs in through a real Chromium against the running application and its embedded PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInBrowserIT {

    private static final String ADMIN_PASSWORD = "correct-horse-battery-staple";
    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    AuditLog audit;

    @Autowired
    CrmUserDetailsService userDetails;

    @BeforeEach
    void openBrowser() {
        if (browser == null) {
            browser = new BrowserSession(port);
        }
    }

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void adminSeesEveryScreenTheSessionIdChangesAndSignOutIsAudited() {
        Instant start = Instant.now();
        Page page = browser.newPage(1280);
        page.navigate(browser.url("login"));
        page.waitForSelector("vaadin-login-form");
        String sessionBefore = sessionId(page);

        signIn(page, "admin", ADMIN_PASSWORD);

        assertThat(sessionId(page)).isNotBlank().isNotEqualTo(sessionBefore);
        assertThat(menu(page)).contains("Home", "Users", "Audit log");
        browser.screenshot(page, "admin-home");

        page.navigate(browser.url("users"));
        page.waitForSelector("vaadin-grid");
        assertThat(page.locator("vaadin-grid").innerText()).contains("admin");
        browser.screenshot(page, "admin-users");

        page.locator(".user-menu vaadin-menu-bar-button").first().click();
        page.getByText("Sign out").click();
        page.waitForURL("**/login**");
        assertThat(events("admin", AuditAction.LOGOUT, start)).isNotEmpty();
        assertThat(events("admin", AuditAction.LOGIN_SUCCEEDED, start)).isNotEmpty();
    }

    @Test
    void organizerReplacesTheTemporaryPasswordAndSeesOnlyTheirMenu() {
        String username = "organizer-" + shortId();
        createUser(username, Role.ORGANIZER, "temporary-password-42");
        Page page = browser.newPage(1280);

        signIn(page, username, "temporary-password-42");
        page.waitForURL("**/account");
        page.getByLabel("Current password").fill("temporary-password-42");
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("my-own-secret-phrase-7");
        page.getByLabel("Repeat the password").fill("my-own-secret-phrase-7");
        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Change password")).click();
        page.waitForURL(url -> !url.endsWith("/account"));

        assertThat(menu(page)).contains("Home").doesNotContain("Users", "Audit log");
        browser.screenshot(page, "organizer-home");

        page.navigate(browser.url("users"));
        page.waitForSelector("vaadin-app-layout");
        assertThat(page.locator("vaadin-grid").count()).isZero();
        assertThat(page.content()).containsIgnoringCase("couldn't find that page");
        browser.screenshot(page, "organizer-denied-users");
    }

    @Test
    void tenWrongPasswordsLockTheAccountAndEveryAttemptIsAudited() {
        Instant start = Instant.now();
        String username = "locked-" + shortId();
        createUser(username, Role.FUNDRAISER, "the-right-password-1");
        Page page = browser.newPage(1280);

        for (int attempt = 1; attempt <= 10; attempt++) {
            signIn(page, username, "wrong-password-" + attempt);
            assertThat(page.url()).as("attempt %d", attempt).contains("/login?error");
        }
        signIn(page, username, "the-right-password-1");

        assertThat(page.url()).contains("/login?locked");
        page.getByText("Sign-in is locked for now").waitFor();
        browser.screenshot(page, "login-locked");
        assertThat(events(username, AuditAction.LOGIN_FAILED, start)).hasSize(10)
                .allSatisfy(event -> assertThat(event.clientAddress()).isNotBlank());
        assertThat(events(username, AuditAction.LOGIN_LOCKED, start)).hasSize(1);
        assertThat(events(username, AuditAction.LOGIN_SUCCEEDED, start)).isEmpty();
    }

    @Test
    void disablingAnAccountEndsThatPersonsOpenSession() {
        String username = "ended-" + shortId();
        createUser(username, Role.ANALYST, "temporary-password-43");
        Page page = browser.newPage(1280);
        signIn(page, username, "temporary-password-43");
        page.waitForURL("**/account");

        asAdmin();
        long id = users.findAll().stream().filter(user -> user.username().equals(username)).findFirst()
                .orElseThrow().id();
        users.setEnabled(id, false);
        SecurityContextHolder.clearContext();

        page.navigate(browser.url(""));
        page.waitForURL("**/login**");
        assertThat(page.url()).contains("ended");
        page.getByText("You were signed out").waitFor();
        browser.screenshot(page, "session-ended");
    }

    private void signIn(Page page, String username, String password) {
        page.navigate(browser.url("login"));
        page.waitForSelector("vaadin-login-form input[name=username]");
        page.fill("vaadin-login-form input[name=username]", username);
        page.fill("vaadin-login-form input[name=password]", password);
        page.locator("vaadin-login-form vaadin-button").first().click();
        page.waitForLoadState();
        page.waitForSelector("vaadin-app-layout, vaadin-login-form");
    }

    private static List<String> menu(Page page) {
        page.waitForSelector("vaadin-side-nav-item");
        return page.locator("vaadin-side-nav-item").allInnerTexts().stream().map(String::trim).toList();
    }

    private static String sessionId(Page page) {
        return page.context().cookies().stream().filter(cookie -> cookie.name.equals("JSESSIONID"))
                .map(cookie -> cookie.value).findFirst().orElse("");
    }

    private void createUser(String username, Role role, String password) {
        asAdmin();
        users.create(new NewUser(username, "Test " + role.label(), Set.of(role), password));
        SecurityContextHolder.clearContext();
    }

    private List<AuditEvent> events(String actor, AuditAction action, Instant since) {
        asAdmin();
        try {
            return audit.find(new AuditFilter(actor, action, null, since, null), 0, 100);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void asAdmin() {
        var admin = userDetails.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

}
