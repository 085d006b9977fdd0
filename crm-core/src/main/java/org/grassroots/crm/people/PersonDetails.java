package org.grassroots.crm.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Everything the supporter page shows about one person, newest notes first. */
public record PersonDetails(
        long id,
        long version,
        @Nullable String firstName,
        @Nullable String lastName,
        List<EmailAddress> emails,
        List<Phone> phones,
        PostalAddress address,
        List<String> tags,
        List<Note> notes,
        @Nullable String source,
        boolean demo,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant erasedAt) {

    public PersonDetails {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        tags = List.copyOf(tags);
        notes = List.copyOf(notes);
    }

    public Optional<EmailAddress> primaryEmail() {
        return emails.stream().filter(EmailAddress::primary).findFirst();
    }

    /** "First Last", or the primary e-mail, or "Supporter #id" when there is neither. */
    public String displayName() {
        return PersonNames.display(id, firstName, lastName, primaryEmail().map(EmailAddress::email).orElse(null));
    }

    public boolean erased() {
        return erasedAt != null;
    }
}
