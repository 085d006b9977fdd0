package org.grassroots.crm.security;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.internal.AppUser;
import org.grassroots.crm.security.internal.AppUserRepository;
import org.grassroots.crm.security.internal.UserAccountMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: admins manage them, everyone manages their own password. Every change is audited. */
@Service
public class UserService {

    static final String TARGET = "user";
    private static final String USERNAME_PATTERN = "[a-z0-9._-]{3,40}";

    private final AppUserRepository users;
    private final UserAccountMapper mapper;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UserService(AppUserRepository users, UserAccountMapper mapper, PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.users = users;
        this.mapper = mapper;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<UserAccount> findAll() {
        return users.findAllByOrderByUsernameAsc().stream().map(mapper::toAccount).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public UserAccount currentAccount() {
        return mapper.toAccount(currentUser());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long countEnabled() {
        return users.countByEnabledTrue();
    }

    /** Creates an account whose holder must change the initial password at first sign-in. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public UserAccount create(NewUser request) {
        String username = request.username() == null ? "" : request.username().trim().toLowerCase(Locale.ROOT);
        if (!username.matches(USERNAME_PATTERN)) {
            throw new InvalidInputException("username",
                    "Use 3 to 40 characters: lower-case letters, digits, dot, dash or underscore.");
        }
        if (users.existsByUsername(username)) {
            throw new InvalidInputException("username", "The username " + username + " is taken.");
        }
        String displayName = checkDisplayName(request.displayName());
        checkRoles(request.roles());
        passwordPolicy.check("password", request.initialPassword(), username);
        AppUser user = new AppUser(username, displayName, passwordEncoder.encode(request.initialPassword()),
                request.roles(), true, clock.instant());
        users.saveAndFlush(user);
        audit.record(AuditEntry.of(AuditAction.USER_CREATED, TARGET, username,
                Map.of("displayName", displayName, "roles", request.roles().stream().sorted().toList())));
        return mapper.toAccount(user);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public UserAccount update(UserUpdate request) {
        AppUser user = load(request.id());
        String displayName = checkDisplayName(request.displayName());
        checkRoles(request.roles());
        if (user.getRoles().contains(Role.ADMIN) && !request.roles().contains(Role.ADMIN) && user.isEnabled()
                && users.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new InvalidInputException("roles", "This is the last active administrator; keep the Administrator role.");
        }
        if (!displayName.equals(user.getDisplayName())) {
            audit.record(AuditEntry.of(AuditAction.USER_UPDATED, TARGET, user.getUsername(),
                    Map.of("displayNameBefore", user.getDisplayName(), "displayName", displayName)));
            user.rename(displayName, clock.instant());
        }
        if (!request.roles().equals(user.getRoles())) {
            audit.record(AuditEntry.of(AuditAction.ROLES_CHANGED, TARGET, user.getUsername(),
                    Map.of("before", user.getRoles().stream().sorted().toList(),
                            "after", request.roles().stream().sorted().toList())));
            user.replaceRoles(request.roles(), clock.instant());
            events.publishEvent(new UserAccessChanged(user.getUsername()));
        }
        return mapper.toAccount(users.saveAndFlush(user));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public UserAccount setEnabled(long id, boolean enabled) {
        AppUser user = load(id);
        if (user.isEnabled() == enabled) {
            return mapper.toAccount(user);
        }
        if (!enabled && user.getId().equals(currentUser().getId())) {
            throw new InvalidInputException("enabled", "You cannot disable your own account.");
        }
        if (!enabled && user.getRoles().contains(Role.ADMIN) && users.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new InvalidInputException("enabled", "This is the last active administrator; it cannot be disabled.");
        }
        user.setEnabled(enabled, clock.instant());
        if (!enabled) {
            events.publishEvent(new UserAccessChanged(user.getUsername()));
        }
        audit.record(AuditEntry.of(enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, TARGET,
                user.getUsername(), Map.of()));
        return mapper.toAccount(users.saveAndFlush(user));
    }

    /** Sets a temporary password the user must replace at next sign-in. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void resetPassword(long id, String temporaryPassword) {
        AppUser user = load(id);
        passwordPolicy.check("password", temporaryPassword, user.getUsername());
        user.setPassword(passwordEncoder.encode(temporaryPassword), true, clock.instant());
        users.saveAndFlush(user);
        audit.record(AuditEntry.of(AuditAction.PASSWORD_RESET, TARGET, user.getUsername(), Map.of()));
        events.publishEvent(new UserAccessChanged(user.getUsername()));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        AppUser user = currentUser();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "The current password is not right.");
        }
        passwordPolicy.check("newPassword", newPassword, user.getUsername());
        if (passwordEncoder.matches(newPassword, user.getPasswordHash())) {
            throw new InvalidInputException("newPassword", "Choose a password different from the current one.");
        }
        user.setPassword(passwordEncoder.encode(newPassword), false, clock.instant());
        users.saveAndFlush(user);
        audit.record(AuditEntry.of(AuditAction.PASSWORD_CHANGED, TARGET, user.getUsername(), Map.of()));
    }

    private AppUser load(long id) {
        return users.findById(id).orElseThrow(() -> new InvalidInputException("id", "No user with id " + id + "."));
    }

    private AppUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String username = authentication == null ? "" : authentication.getName();
        return users.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("The signed-in user " + username + " no longer exists"));
    }

    private static String checkDisplayName(String displayName) {
        String trimmed = displayName == null ? "" : displayName.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInputException("displayName", "Enter a name of 1 to 100 characters.");
        }
        return trimmed;
    }

    private static void checkRoles(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new InvalidInputException("roles", "Give the user at least one role.");
        }
    }
}
