package org.grassroots.crm.plugin.api.email;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A supporter as pushed to an email list.
 *
 * @param email      the address, lower-case
 * @param subscribed {@code true} to subscribe (only ever for addresses the CRM has as subscribed), {@code false} to
 *                   mark the member unsubscribed at the provider
 * @param firstName  first name, or {@code null}
 * @param lastName   last name, or {@code null}
 * @param zip        ZIP code, or {@code null}
 * @param state      USPS state code, or {@code null}
 * @param tags       tags to set on the member
 */
public record ListMember(String email, boolean subscribed, @Nullable String firstName, @Nullable String lastName,
        @Nullable String zip, @Nullable String state, Set<String> tags) {

    public ListMember {
        tags = Set.copyOf(tags);
    }
}
