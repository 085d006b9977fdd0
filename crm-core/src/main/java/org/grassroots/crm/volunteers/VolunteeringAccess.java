package org.grassroots.crm.volunteers;

import java.util.Set;

import org.grassroots.crm.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whether the signed-in user may see personal volunteering data, for the places that leave it out quietly (the
 * supporter timeline) instead of refusing like the services do.
 */
final class VolunteeringAccess {

    private static final Set<String> ALLOWED = Set.of(Role.VOLUNTEER_COORDINATOR.authority(),
            Role.ORGANIZER.authority(), Role.ADMIN.authority());

    private VolunteeringAccess() {
    }

    static boolean currentUserMaySeePeople() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(ALLOWED::contains);
    }
}
