package org.grassroots.crm.donations;

import java.util.function.Supplier;

import org.grassroots.crm.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs a piece of a test as a signed-in staff member with one role, then restores whoever was signed in. */
final class AsUser {

    private AsUser() {
    }

    static <T> T call(Role role, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                role.name().toLowerCase().replace('_', '-') + "-test", "n/a",
                AuthorityUtils.createAuthorityList(role.authority())));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static void run(Role role, Runnable action) {
        call(role, () -> {
            action.run();
            return null;
        });
    }
}
