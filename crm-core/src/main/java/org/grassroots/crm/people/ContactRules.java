package org.grassroots.crm.people;

import java.util.Optional;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.geo.ZipCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How supporter contact data is checked and normalised before anything is stored: e-mails lower-case, phones in
 * E.164, ZIP codes as 5 or 9 digits with a state that matches their prefix. Each refusal names the form field.
 */
@Component
class ContactRules {

    static final int MIN_NAME_SEARCH = 3;

    private final ZipCodes zipCodes;

    ContactRules(ZipCodes zipCodes) {
        this.zipCodes = zipCodes;
    }

    String email(@Nullable String text) {
        return EmailAddresses.normalise(text).orElseThrow(() -> new InvalidInputException("email",
                "Enter an e-mail address like name@example.org."));
    }

    String phone(@Nullable String text) {
        return parsePhone(text).orElseThrow(() -> new InvalidInputException("phone",
                "Enter a phone number like (512) 555-0123, or +44 20 7946 0958 outside the US."));
    }

    /** The number in E.164 when the text reads as a valid phone number. */
    Optional<String> parsePhone(@Nullable String text) {
        return PhoneNumbers.e164(text);
    }

    /** Street and city trimmed, ZIP normalised, the state derived from the ZIP when missing or checked against it. */
    PostalAddress address(PostalAddress address) {
        String street = text("street", address.street(), 200);
        String city = text("city", address.city(), 100);
        UsState state = address.state();
        String zip = null;
        if (address.zip() != null && !address.zip().isBlank()) {
            zip = ZipCodes.normalise(address.zip()).orElseThrow(() -> new InvalidInputException("zip",
                    "Enter a 5-digit ZIP code or ZIP+4, like 78701 or 78701-1234."));
            Optional<UsState> zipState = zipCodes.stateOf(zip);
            if (state == null) {
                state = zipState.orElse(null);
            } else if (zipState.isPresent() && zipState.get() != state) {
                throw new InvalidInputException("zip", "ZIP " + zip.substring(0, 5) + " is in "
                        + zipState.get().displayName() + ", not " + state.displayName() + ".");
            }
        }
        return new PostalAddress(street, city, state, zip);
    }

    @Nullable String name(String field, @Nullable String value) {
        return text(field, value, 100);
    }

    @Nullable String source(@Nullable String value) {
        return text("source", value, 100);
    }

    String tag(@Nullable String value) {
        String tag = value == null ? "" : value.trim().replaceAll("\\s+", " ");
        if (tag.isEmpty() || tag.length() > 60) {
            throw new InvalidInputException("tags", "A tag has 1 to 60 characters.");
        }
        return tag;
    }

    String note(@Nullable String value) {
        String note = value == null ? "" : value.strip();
        if (note.isEmpty() || note.length() > 10_000) {
            throw new InvalidInputException("note", "Write a note of 1 to 10,000 characters.");
        }
        return note;
    }

    private static @Nullable String text(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, "Use at most " + maxLength + " characters.");
        }
        return trimmed;
    }
}
