package org.grassroots.crm.security;

import java.util.Locale;

import org.grassroots.crm.security.internal.AppUser;
import org.grassroots.crm.security.internal.AppUserRepository;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads staff accounts for Spring Security's login; usernames are matched case-insensitively. */
@Service
public class CrmUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    CrmUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public CrmUserPrincipal loadUserByUsername(String username) {
        String normalised = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        AppUser user = users.findByUsername(normalised)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new CrmUserPrincipal(user.getId(), user.getUsername(), user.getPasswordHash(), user.isEnabled(),
                user.getDisplayName(), user.isMustChangePassword(),
                user.getRoles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
    }
}
