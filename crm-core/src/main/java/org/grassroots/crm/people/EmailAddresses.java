package org.grassroots.crm.people;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** E-mail addresses as the CRM stores them: trimmed, lower-case, at most 254 characters, name@domain.tld. */
public final class EmailAddresses {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    /** The address normalised, when the text reads as one. */
    public static Optional<String> normalise(@Nullable String text) {
        String email = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return email.length() <= MAX_LENGTH && EMAIL.matcher(email).matches() ? Optional.of(email) : Optional.empty();
    }
}
