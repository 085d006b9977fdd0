package org.grassroots.crm.people;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in staff member's username, as notes and subscription changes record it. */
final class CurrentUser {

    private CurrentUser() {
    }

    static String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null) {
            throw new IllegalStateException("No signed-in user");
        }
        return authentication.getName();
    }
}
