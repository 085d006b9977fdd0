package org.grassroots.crm.pluginhost.adapter;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.NewPerson;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PostalAddress;
import org.grassroots.crm.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Test set-up through the secured people services, signed in as an admin only while it runs, so the ports under
 * test are always called with nobody signed in, as plugins call them. Names are unique: the database is shared.
 */
final class Staff {

    private Staff() {
    }

    static <T> T asAdmin(Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("port-test-admin", "n/a",
                AuthorityUtils.createAuthorityList(Role.ADMIN.authority())));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static void asAdmin(Runnable action) {
        asAdmin(() -> {
            action.run();
            return null;
        });
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String email() {
        return unique("p") + "@example.org";
    }

    static PersonDetails create(PersonService people, String firstName, List<String> emails, UsState state,
            String zip, List<String> tags) {
        return asAdmin(() -> people.create(new NewPerson(firstName, unique("Last"), emails, List.of(),
                new PostalAddress("1 Main St", "Springfield", state, zip), "test", tags)));
    }
}
