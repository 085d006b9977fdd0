package org.grassroots.crm.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.security.CrmUserDetailsService;
import org.grassroots.crm.security.NewUser;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.security.UserAccount;
import org.grassroots.crm.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

/** The Users screen as the first administrator sees it, driven through its dialogs. */
@SpringBootTest
@WithMockUser(username = "admin", roles = "ADMIN")
class UsersViewTest extends SpringBrowserlessTest {

    private static final String INITIAL_PASSWORD = "quiet-river-stone-42";

    @Autowired
    UserService users;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void openUsers() {
        navigate(UsersView.class);
    }

    @Test
    void listsEveryAccountWithReadableRolesAndStatus() {
        UserAccount rita = createUser("rita", Role.FUNDRAISER, Role.ORGANIZER);
        navigate(UsersView.class);

        int row = rowOf(rita.username());
        assertThat(grid().getCellText(row, grid().getColumnPosition("name"))).isEqualTo("Rita");
        assertThat(grid().getCellText(row, grid().getColumnPosition("roles"))).isEqualTo("Organizer, Fundraiser");
        assertThat(grid().getCellText(row, grid().getColumnPosition("lastSignIn"))).isEqualTo("Never");
        assertThat(badges(row, "status")).containsExactly("Enabled");
        assertThat(badges(row, "password")).containsExactly("Must change");
        assertThat(badges(rowOf("admin"), "password")).isEmpty();
        assertThat($(Details.class).single().getSummaryText())
                .isEqualTo("What the roles mean");
    }

    @Test
    void createsAUserThroughTheDialog() {
        String username = uniqueName("nora");

        test($(Button.class).withText("New user").single()).click();
        test(textField("Username")).setValue(username);
        test(textField("Name")).setValue("Nora Organizer");
        test($(RoleCheckboxes.class).single()).selectItems("Organizer", "Analyst");
        test(passwordField("Initial password")).setValue(INITIAL_PASSWORD);
        test(passwordField("Repeat the password")).setValue(INITIAL_PASSWORD);
        test($(Button.class).withText("Create user").single()).click();

        assertThat($(NewUserDialog.class).exists()).as("dialog closed").isFalse();
        assertThat(notifications()).contains(
                "Created " + username + ". They must choose their own password at first sign-in.");
        int row = rowOf(username);
        assertThat(grid().getCellText(row, grid().getColumnPosition("roles"))).isEqualTo("Organizer, Analyst");
        UserAccount stored = account(username);
        assertThat(stored.displayName()).isEqualTo("Nora Organizer");
        assertThat(stored.mustChangePassword()).isTrue();
        assertThat(passwordEncoder.matches(INITIAL_PASSWORD, userDetails.loadUserByUsername(username).getPassword()))
                .isTrue();
    }

    @Test
    void aRefusedUsernameIsShownOnItsFieldAndNothingIsSaved() {
        int before = users.findAll().size();

        fillNewUserDialog("Not Valid!", Set.of("Analyst"), INITIAL_PASSWORD, INITIAL_PASSWORD);
        test($(Button.class).withText("Create user").single()).click();

        TextField username = textField("Username");
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage())
                .isEqualTo("Use 3 to 40 characters: lower-case letters, digits, dot, dash or underscore.");
        assertThat($(NewUserDialog.class).exists()).as("dialog stays open").isTrue();
        assertThat(users.findAll()).hasSize(before);
    }

    @Test
    void aPasswordContainingTheUsernameIsShownOnThePasswordField() {
        String username = uniqueName("omar");

        fillNewUserDialog(username, Set.of("Analyst"), username + "-password", username + "-password");
        test($(Button.class).withText("Create user").single()).click();

        PasswordField password = passwordField("Initial password");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("The password must not contain the username.");
        assertThat(users.findAll()).extracting(UserAccount::username).doesNotContain(username);
    }

    @Test
    void missingRolesAndDifferentPasswordsAreCaughtBeforeTheService() {
        String username = uniqueName("pat");

        fillNewUserDialog(username, Set.of(), INITIAL_PASSWORD, INITIAL_PASSWORD + "x");
        test($(Button.class).withText("Create user").single()).click();

        assertThat($(RoleCheckboxes.class).single().isInvalid()).isTrue();
        assertThat($(RoleCheckboxes.class).single().getErrorMessage()).isEqualTo("Choose at least one role.");
        PasswordField repeat = passwordField("Repeat the password");
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(repeat.getErrorMessage()).isEqualTo("The two passwords are not the same.");
        assertThat(users.findAll()).extracting(UserAccount::username).doesNotContain(username);
    }

    @Test
    void editsNameAndRoles() {
        UserAccount sam = createUser("sam", Role.ANALYST);
        navigate(UsersView.class);

        clickRowAction(sam.username(), "Edit");
        test(textField("Name")).setValue("Sam Coordinator");
        var roles = test($(RoleCheckboxes.class).single());
        roles.deselectItem("Analyst");
        roles.selectItem("Volunteer coordinator");
        test($(Button.class).withText("Save").single()).click();

        assertThat(grid().getCellText(rowOf(sam.username()), grid().getColumnPosition("roles")))
                .isEqualTo("Volunteer coordinator");
        assertThat(account(sam.username()).displayName()).isEqualTo("Sam Coordinator");
        assertThat(account(sam.username()).roles()).containsExactly(Role.VOLUNTEER_COORDINATOR);
    }

    @Test
    void removingTheLastAdministratorRoleIsRefusedOnTheRolesField() {
        List<UserAccount> otherAdmins = disableEveryOtherAdministrator();
        try {
            navigate(UsersView.class);
            clickRowAction("admin", "Edit");
            test($(RoleCheckboxes.class).single()).deselectItem("Administrator");
            test($(RoleCheckboxes.class).single()).selectItem("Organizer");
            test($(Button.class).withText("Save").single()).click();

            RoleCheckboxes roles = $(RoleCheckboxes.class).single();
            assertThat(roles.isInvalid()).isTrue();
            assertThat(roles.getErrorMessage()).contains("last active administrator");
            assertThat(account("admin").roles()).containsExactly(Role.ADMIN);
        } finally {
            otherAdmins.forEach(admin -> users.setEnabled(admin.id(), true));
        }
    }

    @Test
    void disablesAndEnablesAUserAfterConfirming() {
        UserAccount tom = createUser("tom", Role.ORGANIZER);
        navigate(UsersView.class);

        clickRowAction(tom.username(), "Disable");
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Disable " + tom.username() + "?");
        test(confirm).confirm();

        assertThat(account(tom.username()).enabled()).isFalse();
        assertThat(badges(rowOf(tom.username()), "status")).containsExactly("Disabled");
        assertThat(notifications()).contains("Disabled " + tom.username() + ".");

        clickRowAction(tom.username(), "Enable");
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(account(tom.username()).enabled()).isTrue();
    }

    @Test
    void cancellingTheConfirmationKeepsTheAccountEnabled() {
        UserAccount uma = createUser("uma", Role.ORGANIZER);
        navigate(UsersView.class);

        clickRowAction(uma.username(), "Disable");
        test($(ConfirmDialog.class).single()).cancel();

        assertThat(account(uma.username()).enabled()).isTrue();
    }

    @Test
    void theSignedInAdministratorCannotPickDisableForTheirOwnAccount() {
        UserAccount yan = createUser("yan", Role.ANALYST);
        navigate(UsersView.class);

        assertThat(rowAction("admin", "Disable").isEnabled()).isFalse();
        assertThat(rowAction(yan.username(), "Disable").isEnabled()).isTrue();
    }

    @Test
    void resetsAPasswordToATemporaryOne() {
        UserAccount vic = createUser("vic", Role.ANALYST);
        navigate(UsersView.class);

        clickRowAction(vic.username(), "Reset password");
        test(passwordField("Temporary password")).setValue("temporary-garden-path-9");
        test(passwordField("Repeat the password")).setValue("temporary-garden-path-9");
        test($(Button.class).withText("Set temporary password").single()).click();

        assertThat(passwordEncoder.matches("temporary-garden-path-9",
                userDetails.loadUserByUsername(vic.username()).getPassword())).isTrue();
        assertThat(account(vic.username()).mustChangePassword()).isTrue();
        assertThat(notifications()).contains("Set a temporary password for " + vic.username()
                + ". They must change it at their next sign-in.");
    }

    @Test
    void aTemporaryPasswordTheServiceRefusesIsShownOnItsField() {
        UserAccount wes = createUser("wes", Role.ANALYST);
        navigate(UsersView.class);

        clickRowAction(wes.username(), "Reset password");
        test(passwordField("Temporary password")).setValue(wes.username() + "-temporary");
        test(passwordField("Repeat the password")).setValue(wes.username() + "-temporary");
        test($(Button.class).withText("Set temporary password").single()).click();

        assertThat(passwordField("Temporary password").getErrorMessage())
                .isEqualTo("The password must not contain the username.");
        assertThat($(ResetPasswordDialog.class).exists()).as("dialog stays open").isTrue();
        assertThat(passwordEncoder.matches(INITIAL_PASSWORD,
                userDetails.loadUserByUsername(wes.username()).getPassword())).isTrue();
    }

    @Test
    void lastSignInReadsLikeAPersonWouldSayItInTheirOwnZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.of(2026, 3, 10);

        assertThat(UsersView.lastSignIn(null, berlin, today)).isEqualTo("Never");
        assertThat(UsersView.lastSignIn(Instant.parse("2026-03-10T08:14:00Z"), berlin, today))
                .isEqualTo("Today, 09:14");
        assertThat(UsersView.lastSignIn(Instant.parse("2026-03-09T23:30:00Z"), berlin, today))
                .as("already the 10th in Berlin").isEqualTo("Today, 00:30");
        assertThat(UsersView.lastSignIn(Instant.parse("2026-03-09T17:02:00Z"), berlin, today))
                .isEqualTo("Yesterday, 18:02");
        assertThat(UsersView.lastSignIn(Instant.parse("2026-01-12T08:14:00Z"), berlin, today))
                .isEqualTo("12 Jan, 09:14");
        assertThat(UsersView.lastSignIn(Instant.parse("2025-11-30T08:14:00Z"), berlin, today)).isEqualTo("30 Nov 2025");
    }

    private void fillNewUserDialog(String username, Set<String> roleLabels, String password, String repeat) {
        test($(Button.class).withText("New user").single()).click();
        test(textField("Username")).setValue(username);
        test(textField("Name")).setValue("Someone New");
        if (!roleLabels.isEmpty()) {
            test($(RoleCheckboxes.class).single()).selectItems(roleLabels);
        }
        test(passwordField("Initial password")).setValue(password);
        test(passwordField("Repeat the password")).setValue(repeat);
    }

    private GridTester<Grid<UserAccount>, UserAccount> grid() {
        @SuppressWarnings("unchecked")
        Grid<UserAccount> grid = $(Grid.class).single();
        return test(grid);
    }

    private int rowOf(String username) {
        var grid = grid();
        for (int row = 0; row < grid.size(); row++) {
            if (grid.getRow(row).username().equals(username)) {
                return row;
            }
        }
        throw new AssertionError(username + " is not in the grid");
    }

    private List<String> badges(int row, String columnKey) {
        Component cell = grid().getCellComponent(row, columnKey);
        return cell instanceof Badge badge ? List.of(badge.getText()) : $(Badge.class, cell).all().stream()
                .map(Badge::getText).toList();
    }

    private MenuItem rowAction(String username, String action) {
        return action(rowMenu(username), action);
    }

    private void clickRowAction(String username, String action) {
        MenuBar menu = rowMenu(username);
        int index = menu.getItems().getFirst().getSubMenu().getItems().indexOf(action(menu, action));
        test(MenuBarTester.class, menu).clickItem(0, index);
    }

    private MenuBar rowMenu(String username) {
        return (MenuBar) grid().getCellComponent(rowOf(username), "actions");
    }

    private static MenuItem action(MenuBar rowMenu, String action) {
        return rowMenu.getItems().getFirst().getSubMenu().getItems().stream()
                .filter(item -> item.getText().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("No row action " + action));
    }

    private TextField textField(String label) {
        return $(TextField.class).withLabel(label).single();
    }

    private PasswordField passwordField(String label) {
        return $(PasswordField.class).withLabel(label).single();
    }

    private List<String> notifications() {
        return $(Notification.class).all().stream().map(notification -> test(notification).getText()).toList();
    }

    private UserAccount createUser(String prefix, Role... roles) {
        String name = Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1);
        return users.create(new NewUser(uniqueName(prefix), name, Set.of(roles), INITIAL_PASSWORD));
    }

    private UserAccount account(String username) {
        return users.findAll().stream().filter(account -> account.username().equals(username)).findFirst()
                .orElseThrow();
    }

    private List<UserAccount> disableEveryOtherAdministrator() {
        List<UserAccount> others = users.findAll().stream()
                .filter(account -> account.enabled() && account.hasRole(Role.ADMIN))
                .filter(account -> !account.username().equals("admin"))
                .toList();
        others.forEach(admin -> users.setEnabled(admin.id(), false));
        return others;
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
