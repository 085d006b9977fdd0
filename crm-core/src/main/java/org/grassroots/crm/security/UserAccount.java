package org.grassroots.crm.security;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A staff account as the rest of the application sees it; never carries the password hash. */
public record UserAccount(
        long id,
        String username,
        String displayName,
        Set<Role> roles,
        boolean enabled,
        boolean mustChangePassword,
        Instant createdAt,
        @Nullable Instant lastLoginAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
