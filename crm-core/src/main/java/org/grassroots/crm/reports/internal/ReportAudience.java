package org.grassroots.crm.reports.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.crm.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is looking at a report, as protection needs it. Amounts are for fundraisers and admins. On screen, small
 * counts are masked for a user whose only role is analyst (every other role already works with named supporters);
 * in exports they are masked for everyone, because a file travels.
 */
public final class ReportAudience {

    private ReportAudience() {
    }

    public static ReportProtection onScreen(int threshold) {
        Set<String> roles = currentRoles();
        return new ReportProtection(seesMoney(roles), analystOnly(roles), threshold);
    }

    public static ReportProtection inExport(int threshold) {
        return new ReportProtection(seesMoney(currentRoles()), true, threshold);
    }

    /** Whether the current user sees only aggregates: analyst and no role that works with supporters. */
    public static boolean analystOnly() {
        return analystOnly(currentRoles());
    }

    private static boolean seesMoney(Set<String> roles) {
        return roles.contains(Role.FUNDRAISER.authority()) || roles.contains(Role.ADMIN.authority());
    }

    private static boolean analystOnly(Set<String> roles) {
        for (Role role : Role.values()) {
            if (role != Role.ANALYST && roles.contains(role.authority())) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> currentRoles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }
}
