package org.grassroots.crm.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in staff member: Spring's user plus the display name and the must-change-password flag. */
public class CrmUserPrincipal extends User {

    private final long userId;
    private final String displayName;
    private final boolean mustChangePassword;

    CrmUserPrincipal(long userId, String username, String passwordHash, boolean enabled, String displayName,
            boolean mustChangePassword, Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.userId = userId;
        this.displayName = displayName;
        this.mustChangePassword = mustChangePassword;
    }

    public long userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }
}
