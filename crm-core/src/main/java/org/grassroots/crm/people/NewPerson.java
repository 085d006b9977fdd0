package org.grassroots.crm.people;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A supporter to create. The first e-mail becomes the primary address; each address starts subscribed. At least a
 * name or an e-mail address is needed.
 */
public record NewPerson(
        @Nullable String firstName,
        @Nullable String lastName,
        List<String> emails,
        List<NewPhone> phones,
        PostalAddress address,
        @Nullable String source,
        List<String> tags) {

    public NewPerson {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        address = address == null ? PostalAddress.empty() : address;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
