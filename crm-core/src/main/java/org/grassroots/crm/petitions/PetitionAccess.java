package org.grassroots.crm.petitions;

import java.util.Set;

import org.grassroots.crm.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whether the signed-in user may see who signed what, for the places that leave it out quietly (the supporter
 * timeline) instead of refusing like {@link PetitionService} does. The same roles as the service's reads.
 */
final class PetitionAccess {

    private static final Set<String> ALLOWED = Set.of(Role.ADMIN.authority(), Role.ORGANIZER.authority(),
            Role.FUNDRAISER.authority(), Role.VOLUNTEER_COORDINATOR.authority());

    private PetitionAccess() {
    }

    static boolean currentUserMaySeeSignatures() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(ALLOWED::contains);
    }
}
