package org.grassroots.crm.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.CrmUserPrincipal;
import org.grassroots.crm.security.NewUser;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserAccount;
import org.grassroots.crm.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The account page for real accounts: each test creates one as the administrator, then signs in as it with the
 * same principal the login form would produce, so the layout's must-change-password check sees the real flag.
 */
@SpringBootTest
class AccountViewTest extends SpringBrowserlessTest {

    private static final String INITIAL_PASSWORD = "quiet-river-stone-42";
    private static final String OWN_PASSWORD = "amber-lantern-hills-7";

    @Autowired
    UserService users;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    PasswordEncoder passwordEncoder;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aUserWithATemporaryPasswordIsSentFromHomeToTheAccountPage() {
        signInAs(createUser("ava", Role.ORGANIZER));

        navigate("", Component.class);

        assertThat(getCurrentView()).isInstanceOf(AccountView.class);
        assertThat(banner()).isEqualTo(AccountView.TEMPORARY_PASSWORD_BANNER);
    }

    @Test
    void choosingAnOwnPasswordClearsTheFlagAndLeadsHome() {
        UserAccount ben = createUser("ben", Role.FUNDRAISER);
        signInAs(ben);
        navigate("", Component.class);

        changePassword(INITIAL_PASSWORD, OWN_PASSWORD, OWN_PASSWORD);

        assertThat(currentPath()).isEmpty();
        assertThat(getCurrentView()).isNotInstanceOf(AccountView.class);
        assertThat(notifications()).contains("Your password has been changed.");
        assertThat(passwordEncoder.matches(OWN_PASSWORD, userDetails.loadUserByUsername(ben.username()).getPassword()))
                .isTrue();
        assertThat(users.currentAccount().mustChangePassword()).isFalse();

        navigate("", Component.class);
        assertThat(getCurrentView()).as("no longer sent back to the account page").isNotInstanceOf(AccountView.class);
    }

    @Test
    void aWrongCurrentPasswordIsShownOnItsFieldAndChangesNothing() {
        UserAccount cleo = createUser("cleo", Role.ANALYST);
        signInAs(cleo);
        navigate(AccountView.class);

        changePassword("not-my-password-9", OWN_PASSWORD, OWN_PASSWORD);

        PasswordField current = passwordField("Current password");
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("The current password is not right.");
        assertThat(getCurrentView()).isInstanceOf(AccountView.class);
        assertThat(passwordEncoder.matches(INITIAL_PASSWORD,
                userDetails.loadUserByUsername(cleo.username()).getPassword())).isTrue();
    }

    @Test
    void aWeakOrMistypedNewPasswordIsShownOnItsField() {
        UserAccount dan = createUser("dan", Role.ANALYST);
        signInAs(dan);
        navigate(AccountView.class);

        changePassword(INITIAL_PASSWORD, "too-short", "too-short");
        assertThat(passwordField("New password").getErrorMessage()).isEqualTo("Use at least 12 characters.");

        changePassword(INITIAL_PASSWORD, dan.username() + "-password", dan.username() + "-password");
        assertThat(passwordField("New password").getErrorMessage())
                .isEqualTo("The password must not contain the username.");

        changePassword(INITIAL_PASSWORD, OWN_PASSWORD, OWN_PASSWORD + "!");
        assertThat(passwordField("Repeat the password").getErrorMessage())
                .isEqualTo("The two passwords are not the same.");

        assertThat(users.currentAccount().mustChangePassword()).isTrue();
    }

    @Test
    void showsWhoIsSignedInWithoutABannerOnceThePasswordIsTheirOwn() {
        UserAccount eli = createUser("eli", Role.VOLUNTEER_COORDINATOR, Role.ORGANIZER);
        signInAs(eli);
        users.changeOwnPassword(INITIAL_PASSWORD, OWN_PASSWORD);

        navigate(AccountView.class);

        assertThat($(Description.class).all()).extracting(Description::getText)
                .containsExactly(eli.username(), "Eli", "Organizer, Volunteer coordinator");
        assertThat($(Div.class).withClassName("temporary-password-banner").exists()).isFalse();
    }

    private void changePassword(String current, String newPassword, String repeat) {
        test(passwordField("Current password")).setValue(current);
        test(passwordField("New password")).setValue(newPassword);
        test(passwordField("Repeat the password")).setValue(repeat);
        test($(Button.class).withText("Change password").single()).click();
    }

    private String banner() {
        return $(Div.class).withClassName("temporary-password-banner").single().getElement().getTextRecursively();
    }

    private PasswordField passwordField(String label) {
        return $(PasswordField.class).withLabel(label).single();
    }

    private List<String> notifications() {
        return $(Notification.class).all().stream().map(notification -> test(notification).getText()).toList();
    }

    private static String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    private UserAccount createUser(String prefix, Role... roles) {
        setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList(Role.ADMIN.authority())));
        String name = Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1);
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return users.create(new NewUser(username, name, Set.of(roles), INITIAL_PASSWORD));
    }

    private void signInAs(UserAccount account) {
        CrmUserPrincipal principal = userDetails.loadUserByUsername(account.username());
        setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
    }

    private static void setAuthentication(UsernamePasswordAuthenticationToken authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }
}
