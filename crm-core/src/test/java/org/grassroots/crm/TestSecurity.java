package org.grassroots.crm;

import java.util.Arrays;
import java.util.function.Supplier;

import org.grassroots.crm.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Signs a test in as a staff member holding the given roles, as the login would, without an account. */
public final class TestSecurity {

    private TestSecurity() {
    }

    /** Replaces the current security context with one for {@code username} holding {@code roles}. */
    public static void signInAs(String username, Role... roles) {
        var authorities = Arrays.stream(roles).map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        SecurityContextHolder.setContext(context);
    }

    /** Runs {@code action} signed in as a member of staff holding {@code role}, then puts the previous context back. */
    public static <T> T as(Role role, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        signInAs(role.name().toLowerCase() + "-test", role);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
