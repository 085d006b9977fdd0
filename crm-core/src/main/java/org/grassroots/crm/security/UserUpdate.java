package org.grassroots.crm.security;

import java.util.Set;

/** An admin's edit of an existing account's name and roles. */
public record UserUpdate(long id, String displayName, Set<Role> roles) {

    public UserUpdate {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
