package org.grassroots.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.grassroots.crm.TestSecurity.signInAs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.grassroots.crm.common.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user service against the embedded PostgreSQL. The database is shared by every test in the JVM and the audit
 * log is append-only, so each test works on accounts with a fresh random name.
 */
@SpringBootTest
class UserServiceTest {

    private static final String ADMIN = FirstAdminInitializer.ADMIN_USERNAME;
    private static final String INITIAL_PASSWORD = "quiet-river-stone-42";
    private static final String NEW_PASSWORD = "amber-lantern-hills-7";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    UserService users;

    @Autowired
    CrmUserDetailsService userDetails;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signInAsAdmin() {
        signInAs(ADMIN, Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void createStoresANormalisedAccountWhoseHolderMustChangeTheHashedPassword() {
        String username = uniqueName("ann");

        UserAccount created = users.create(new NewUser("  " + username.toUpperCase() + " ", " Ann Organizer ",
                Set.of(Role.ORGANIZER, Role.ANALYST), INITIAL_PASSWORD));

        assertThat(created.username()).isEqualTo(username);
        assertThat(created.displayName()).isEqualTo("Ann Organizer");
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.ORGANIZER, Role.ANALYST);
        assertThat(created.enabled()).isTrue();
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(created.lastLoginAt()).isNull();
        assertThat(users.findAll()).extracting(UserAccount::username).contains(username);
        String hash = userDetails.loadUserByUsername(username).getPassword();
        assertThat(hash).startsWith("{argon2id}").doesNotContain(INITIAL_PASSWORD);
        assertThat(passwordEncoder.matches(INITIAL_PASSWORD, hash)).isTrue();
        assertThat(auditOf(username)).containsExactly(new AuditRow(ADMIN, "USER_CREATED",
                json("{\"displayName\":\"Ann Organizer\",\"roles\":[\"ORGANIZER\",\"ANALYST\"]}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "has space", "semi;colon", "ümlaut", "name@example.org",
            "a-name-that-is-much-too-long-for-an-account"})
    void createRejectsBadUsernames(String username) {
        int before = users.findAll().size();

        assertInvalid(() -> users.create(new NewUser(username, "Someone", Set.of(Role.ANALYST), INITIAL_PASSWORD)),
                "username").hasMessageContaining("3 to 40 characters");

        assertThat(users.findAll()).hasSize(before);
    }

    @Test
    void createRejectsAUsernameTakenInAnyCase() {
        String username = uniqueName("bea");
        users.create(new NewUser(username, "Bea", Set.of(Role.FUNDRAISER), INITIAL_PASSWORD));

        assertInvalid(() -> users.create(new NewUser(username.toUpperCase(), "Other Bea", Set.of(Role.ANALYST),
                INITIAL_PASSWORD)), "username").hasMessage("The username " + username + " is taken.");

        assertThat(users.findAll()).filteredOn(account -> account.username().equals(username))
                .singleElement().extracting(UserAccount::displayName).isEqualTo("Bea");
        assertThat(auditOf(username)).extracting(AuditRow::action).containsExactly("USER_CREATED");
    }

    @Test
    void createRejectsAnAccountWithoutRoles() {
        String username = uniqueName("cal");

        assertInvalid(() -> users.create(new NewUser(username, "Cal", Set.of(), INITIAL_PASSWORD)), "roles");

        assertNothingStoredFor(username);
    }

    @Test
    void createRejectsABlankDisplayName() {
        String username = uniqueName("dee");

        assertInvalid(() -> users.create(new NewUser(username, "   ", Set.of(Role.ANALYST), INITIAL_PASSWORD)),
                "displayName");

        assertNothingStoredFor(username);
    }

    @Test
    void createRejectsAShortPassword() {
        String username = uniqueName("eve");

        assertInvalid(() -> users.create(new NewUser(username, "Eve", Set.of(Role.ANALYST), "too-short")),
                "password").hasMessage("Use at least 12 characters.");

        assertNothingStoredFor(username);
    }

    @Test
    void createRejectsAPasswordContainingTheUsername() {
        String username = uniqueName("fay");

        assertInvalid(() -> users.create(new NewUser(username, "Fay", Set.of(Role.ANALYST),
                "my-" + username.toUpperCase() + "-secret")), "password")
                .hasMessage("The password must not contain the username.");

        assertNothingStoredFor(username);
    }

    @Test
    void updateChangesNameAndRolesAndAuditsEachChange() {
        UserAccount gus = createUser("gus", Role.ORGANIZER);

        UserAccount updated = users.update(new UserUpdate(gus.id(), "Gus Fundraiser",
                Set.of(Role.ANALYST, Role.FUNDRAISER)));

        assertThat(updated.displayName()).isEqualTo("Gus Fundraiser");
        assertThat(updated.roles()).containsExactlyInAnyOrder(Role.FUNDRAISER, Role.ANALYST);
        assertThat(account(gus.username()).roles()).containsExactlyInAnyOrder(Role.FUNDRAISER, Role.ANALYST);
        assertThat(auditOf(gus.username())).containsExactly(
                new AuditRow(ADMIN, "USER_CREATED", json("{\"displayName\":\"Gus\",\"roles\":[\"ORGANIZER\"]}")),
                new AuditRow(ADMIN, "USER_UPDATED",
                        json("{\"displayNameBefore\":\"Gus\",\"displayName\":\"Gus Fundraiser\"}")),
                new AuditRow(ADMIN, "ROLES_CHANGED",
                        json("{\"before\":[\"ORGANIZER\"],\"after\":[\"FUNDRAISER\",\"ANALYST\"]}")));
    }

    @Test
    void anUpdateThatChangesNothingWritesNoAuditEvent() {
        UserAccount hal = createUser("hal", Role.ORGANIZER);

        users.update(new UserUpdate(hal.id(), hal.displayName(), hal.roles()));

        assertThat(auditOf(hal.username())).extracting(AuditRow::action).containsExactly("USER_CREATED");
    }

    @Test
    void updateRejectsEmptyRolesAndBlankNamesAndKeepsTheAccount() {
        UserAccount ida = account(createUser("ida", Role.ORGANIZER).username());

        assertInvalid(() -> users.update(new UserUpdate(ida.id(), "Ida Renamed", Set.of())), "roles");
        assertInvalid(() -> users.update(new UserUpdate(ida.id(), "", Set.of(Role.ANALYST))), "displayName");
        assertInvalid(() -> users.update(new UserUpdate(-1, "Nobody", Set.of(Role.ANALYST))), "id");

        assertThat(account(ida.username())).isEqualTo(ida);
        assertThat(auditOf(ida.username())).extracting(AuditRow::action).containsExactly("USER_CREATED");
    }

    @Test
    void theLastActiveAdministratorCannotLoseTheAdministratorRole() {
        List<UserAccount> otherAdmins = disableEveryOtherAdministrator();
        try {
            UserAccount admin = account(ADMIN);

            assertInvalid(() -> users.update(new UserUpdate(admin.id(), admin.displayName(), Set.of(Role.ORGANIZER))),
                    "roles").hasMessageContaining("last active administrator");

            assertThat(account(ADMIN).roles()).contains(Role.ADMIN);
        } finally {
            otherAdmins.forEach(other -> users.setEnabled(other.id(), true));
        }
    }

    @Test
    void theLastActiveAdministratorCannotBeDisabled() {
        List<UserAccount> otherAdmins = disableEveryOtherAdministrator();
        try {
            long adminId = account(ADMIN).id();
            // Only someone else holding ADMIN in their session can try: the admin's own try is refused as "yourself".
            // Such a session belongs to an account whose Administrator role was removed after it signed in.
            UserAccount demoted = createUser("jon", Role.ORGANIZER);
            signInAs(demoted.username(), Role.ADMIN);

            assertInvalid(() -> users.setEnabled(adminId, false), "enabled")
                    .hasMessageContaining("last active administrator");

            signInAsAdmin();
            assertThat(account(ADMIN).enabled()).isTrue();
        } finally {
            signInAsAdmin();
            otherAdmins.forEach(other -> users.setEnabled(other.id(), true));
        }
    }

    @Test
    void anAdministratorCannotDisableTheirOwnAccount() {
        long adminId = account(ADMIN).id();

        assertInvalid(() -> users.setEnabled(adminId, false), "enabled")
                .hasMessage("You cannot disable your own account.");

        assertThat(account(ADMIN).enabled()).isTrue();
    }

    @Test
    void disableAndEnableAreAuditedAndRepeatingOneChangesNothing() {
        // another administrator: the rule about the last one must not stand in the way while "admin" is active
        UserAccount kim = createUser("kim", Role.ADMIN);

        assertThat(users.setEnabled(kim.id(), false).enabled()).isFalse();
        assertThat(userDetails.loadUserByUsername(kim.username()).isEnabled()).isFalse();
        users.setEnabled(kim.id(), false);
        assertThat(users.setEnabled(kim.id(), true).enabled()).isTrue();
        assertThat(userDetails.loadUserByUsername(kim.username()).isEnabled()).isTrue();
        users.setEnabled(kim.id(), false);

        assertThat(auditOf(kim.username())).extracting(AuditRow::actor, AuditRow::action).containsExactly(
                tuple(ADMIN, "USER_CREATED"), tuple(ADMIN, "USER_DISABLED"), tuple(ADMIN, "USER_ENABLED"),
                tuple(ADMIN, "USER_DISABLED"));
        assertInvalid(() -> users.setEnabled(-1, true), "id");
    }

    @Test
    void resetPasswordSetsATemporaryPasswordTheUserMustChange() {
        UserAccount lea = createUser("lea", Role.VOLUNTEER_COORDINATOR);
        signInAs(lea.username(), Role.VOLUNTEER_COORDINATOR);
        users.changeOwnPassword(INITIAL_PASSWORD, NEW_PASSWORD);
        signInAsAdmin();
        assertThat(account(lea.username()).mustChangePassword()).isFalse();

        users.resetPassword(lea.id(), "temporary-garden-path-9");

        assertThat(account(lea.username()).mustChangePassword()).isTrue();
        String hash = userDetails.loadUserByUsername(lea.username()).getPassword();
        assertThat(passwordEncoder.matches("temporary-garden-path-9", hash)).isTrue();
        assertThat(passwordEncoder.matches(NEW_PASSWORD, hash)).isFalse();
        assertThat(auditOf(lea.username())).last()
                .isEqualTo(new AuditRow(ADMIN, "PASSWORD_RESET", json("{}")));
    }

    @Test
    void resetPasswordRejectsWeakPasswordsAndUnknownAccounts() {
        UserAccount max = createUser("max", Role.ANALYST);

        assertInvalid(() -> users.resetPassword(max.id(), "short"), "password");
        assertInvalid(() -> users.resetPassword(max.id(), max.username() + "-temporary"), "password");
        assertInvalid(() -> users.resetPassword(-1, "temporary-garden-path-9"), "id");

        assertThat(passwordEncoder.matches(INITIAL_PASSWORD,
                userDetails.loadUserByUsername(max.username()).getPassword())).isTrue();
        assertThat(auditOf(max.username())).extracting(AuditRow::action).containsExactly("USER_CREATED");
    }

    @Test
    void changeOwnPasswordReplacesThePasswordAndClearsTheFlag() {
        UserAccount ned = createUser("ned", Role.ORGANIZER);
        signInAs(ned.username(), Role.ORGANIZER);
        assertThat(users.currentAccount().mustChangePassword()).isTrue();

        users.changeOwnPassword(INITIAL_PASSWORD, NEW_PASSWORD);

        assertThat(users.currentAccount().mustChangePassword()).isFalse();
        assertThat(passwordEncoder.matches(NEW_PASSWORD,
                userDetails.loadUserByUsername(ned.username()).getPassword())).isTrue();
        assertThat(auditOf(ned.username())).last()
                .isEqualTo(new AuditRow(ned.username(), "PASSWORD_CHANGED", json("{}")));
    }

    @Test
    void changeOwnPasswordRejectsAWrongCurrentPasswordAndWeakOrUnchangedNewOnes() {
        UserAccount oli = createUser("oli", Role.ORGANIZER);
        signInAs(oli.username(), Role.ORGANIZER);

        assertInvalid(() -> users.changeOwnPassword("not-the-password-1", NEW_PASSWORD), "currentPassword")
                .hasMessage("The current password is not right.");
        assertInvalid(() -> users.changeOwnPassword(null, NEW_PASSWORD), "currentPassword");
        assertInvalid(() -> users.changeOwnPassword(INITIAL_PASSWORD, "short"), "newPassword");
        assertInvalid(() -> users.changeOwnPassword(INITIAL_PASSWORD, oli.username() + "-password"), "newPassword");
        assertInvalid(() -> users.changeOwnPassword(INITIAL_PASSWORD, INITIAL_PASSWORD), "newPassword")
                .hasMessage("Choose a password different from the current one.");

        assertThat(users.currentAccount().mustChangePassword()).isTrue();
        assertThat(passwordEncoder.matches(INITIAL_PASSWORD,
                userDetails.loadUserByUsername(oli.username()).getPassword())).isTrue();
        assertThat(auditOf(oli.username())).extracting(AuditRow::action).containsExactly("USER_CREATED");
    }

    @Test
    void currentAccountDescribesTheSignedInUser() {
        UserAccount pia = account(createUser("pia", Role.FUNDRAISER, Role.ANALYST).username());
        signInAs(pia.username(), Role.FUNDRAISER, Role.ANALYST);

        assertThat(users.currentAccount()).isEqualTo(pia);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, mode = EnumSource.Mode.EXCLUDE, names = "ADMIN")
    void everyOtherRoleIsRefusedUserManagement(Role role) {
        UserAccount target = account(createUser("quin", Role.ORGANIZER).username());
        String wouldBeCreated = uniqueName("rex");
        signInAs(target.username(), role);

        assertThatThrownBy(users::findAll).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.create(new NewUser(wouldBeCreated, "Rex", Set.of(Role.ADMIN), NEW_PASSWORD)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.update(new UserUpdate(target.id(), "Quin", Set.of(Role.ADMIN))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setEnabled(target.id(), false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.resetPassword(target.id(), NEW_PASSWORD))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(users.currentAccount().username()).as("but may see their own account").isEqualTo(target.username());

        signInAsAdmin();
        assertThat(account(target.username())).isEqualTo(target);
        assertNothingStoredFor(wouldBeCreated);
    }

    @Test
    void nobodySignedInMayReadOrChangeAnAccount() {
        SecurityContextHolder.clearContext();

        assertThatThrownBy(users::currentAccount).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> users.changeOwnPassword(INITIAL_PASSWORD, NEW_PASSWORD))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(users::findAll).isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThatThrownBy(users::currentAccount).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(users::countEnabled).isInstanceOf(AccessDeniedException.class);
    }

    private UserAccount createUser(String prefix, Role... roles) {
        String name = Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1);
        return users.create(new NewUser(uniqueName(prefix), name, Set.of(roles), INITIAL_PASSWORD));
    }

    private UserAccount account(String username) {
        return users.findAll().stream().filter(account -> account.username().equals(username)).findFirst()
                .orElseThrow();
    }

    /** Leaves {@code admin} as the only active administrator; returns the accounts it disabled. */
    private List<UserAccount> disableEveryOtherAdministrator() {
        List<UserAccount> disabled = new ArrayList<>();
        for (UserAccount other : users.findAll()) {
            if (other.enabled() && other.hasRole(Role.ADMIN) && !other.username().equals(ADMIN)) {
                disabled.add(users.setEnabled(other.id(), false));
            }
        }
        assertThat(users.findAll()).filteredOn(account -> account.enabled() && account.hasRole(Role.ADMIN))
                .extracting(UserAccount::username).containsExactly(ADMIN);
        return disabled;
    }

    private void assertNothingStoredFor(String username) {
        assertThat(users.findAll()).extracting(UserAccount::username).doesNotContain(username);
        assertThat(auditOf(username)).isEmpty();
    }

    private List<AuditRow> auditOf(String username) {
        return jdbc.sql("""
                SELECT actor, action, details::text AS details FROM audit_event
                WHERE target_type = 'user' AND target_id = :username ORDER BY id
                """)
                .param("username", username)
                .query((rs, row) -> new AuditRow(rs.getString("actor"), rs.getString("action"),
                        json(rs.getString("details"))))
                .list();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(ThrowingCallable call, String field) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).as("field of: " + e.getMessage()).isEqualTo(field));
    }


    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private record AuditRow(String actor, String action, JsonNode details) {
    }
}
