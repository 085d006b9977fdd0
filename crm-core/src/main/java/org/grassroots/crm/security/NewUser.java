package org.grassroots.crm.security;

import java.util.Set;

/** What an admin types to create a staff account; the user must change the initial password at first login. */
public record NewUser(String username, String displayName, Set<Role> roles, String initialPassword) {

    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
