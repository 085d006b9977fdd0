package org.grassroots.crm.security;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.security.internal.AppUserRepository;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Audits every sign-in attempt (with the client address) and sign-out, and stamps the last sign-in time. */
@Component
class LoginAuditListener {

    private static final int MAX_NAME_LENGTH = 100;

    private final AuditLog audit;
    private final AppUserRepository users;
    private final Clock clock;

    LoginAuditListener(AuditLog audit, AppUserRepository users, Clock clock) {
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (!(authentication.getPrincipal() instanceof CrmUserPrincipal principal)) {
            return;
        }
        users.findById(principal.userId()).ifPresent(user -> user.loggedIn(clock.instant()));
        audit.record(new AuditEntry(principal.getUsername(), AuditAction.LOGIN_SUCCEEDED, UserService.TARGET,
                principal.getUsername(), clientAddress(authentication), Map.of()));
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        String attempted = attemptedName(authentication.getName());
        boolean locked = event.getException() instanceof LockedException;
        audit.record(new AuditEntry(attempted, locked ? AuditAction.LOGIN_LOCKED : AuditAction.LOGIN_FAILED,
                UserService.TARGET, attempted, clientAddress(authentication),
                Map.of("reason", event.getException().getClass().getSimpleName())));
    }

    @EventListener
    @Transactional
    public void onLogout(LogoutSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        audit.record(new AuditEntry(authentication.getName(), AuditAction.LOGOUT, UserService.TARGET,
                authentication.getName(), clientAddress(authentication), Map.of()));
    }

    private static String clientAddress(Authentication authentication) {
        return ThrottledAuthenticationProvider.clientAddress(authentication.getDetails());
    }

    private static String attemptedName(String name) {
        String trimmed = name == null || name.isBlank() ? "(blank)" : name.trim().toLowerCase(Locale.ROOT);
        return trimmed.length() > MAX_NAME_LENGTH ? trimmed.substring(0, MAX_NAME_LENGTH) : trimmed;
    }
}
