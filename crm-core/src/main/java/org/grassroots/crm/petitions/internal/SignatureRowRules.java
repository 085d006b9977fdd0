package org.grassroots.crm.petitions.internal;

import java.util.Optional;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.geo.ZipCodes;
import org.grassroots.crm.people.EmailAddresses;
import org.grassroots.crm.people.PhoneNumbers;
import org.grassroots.crm.plugin.api.petitions.ImportedSignature;
import org.jspecify.annotations.Nullable;

/**
 * Checks and normalises one imported row in Java, before it is staged, so the set-based merge only ever sees rows
 * every constraint accepts. A refusal is a reason naming the field and the value, for the rejected-rows download.
 */
public final class SignatureRowRules {

    private static final int MAX_NAME = 100;
    private static final int MAX_STREET = 200;
    private static final int MAX_CITY = 100;
    private static final int MAX_COMMENT = 2000;
    private static final int MAX_SOURCE = 100;
    private static final int MAX_EXTERNAL_ID = 200;

    /** A row that passed, normalised. */
    record CheckedRow(String email, @Nullable String firstName, @Nullable String lastName, @Nullable String phone,
            @Nullable String street, @Nullable String city, @Nullable String state, @Nullable String zip) {
    }

    /** Either a checked row or the reason it was refused. */
    record Outcome(@Nullable CheckedRow row, @Nullable String reason) {
    }

    private final ZipCodes zipCodes;

    public SignatureRowRules(ZipCodes zipCodes) {
        this.zipCodes = zipCodes;
    }

    Outcome check(ImportedSignature signature) {
        String rawEmail = signature.email();
        if (rawEmail == null || rawEmail.isBlank()) {
            return refused("E-mail is missing");
        }
        Optional<String> normalised = EmailAddresses.normalise(rawEmail);
        if (normalised.isEmpty()) {
            return refused("E-mail '" + shortened(rawEmail) + "' is not an e-mail address");
        }
        String email = normalised.get();
        String zip = null;
        if (signature.zip() != null && !signature.zip().isBlank()) {
            Optional<String> normalisedZip = ZipCodes.normalise(signature.zip());
            if (normalisedZip.isEmpty()) {
                return refused("ZIP '" + shortened(signature.zip()) + "' is not a 5-digit ZIP code or ZIP+4");
            }
            zip = normalisedZip.get();
        }
        String state = null;
        if (signature.state() != null && !signature.state().isBlank()) {
            Optional<UsState> parsed = UsState.parse(signature.state());
            if (parsed.isEmpty()) {
                return refused("State '" + shortened(signature.state()) + "' is not a US state or state code");
            }
            state = parsed.get().name();
        } else if (zip != null) {
            state = zipCodes.stateOf(zip).map(Enum::name).orElse(null);
        }
        String tooLong = firstTooLong(signature);
        if (tooLong != null) {
            return refused(tooLong);
        }
        return new Outcome(new CheckedRow(email, blankToNull(signature.firstName()),
                blankToNull(signature.lastName()), phone(signature.phone()), street(signature), blankToNull(signature.city()), state, zip),
                null);
    }

    private static @Nullable String firstTooLong(ImportedSignature s) {
        if (longer(s.firstName(), MAX_NAME)) {
            return "First name is longer than " + MAX_NAME + " characters";
        }
        if (longer(s.lastName(), MAX_NAME)) {
            return "Last name is longer than " + MAX_NAME + " characters";
        }
        if (longer(street(s), MAX_STREET)) {
            return "Address is longer than " + MAX_STREET + " characters";
        }
        if (longer(s.city(), MAX_CITY)) {
            return "City is longer than " + MAX_CITY + " characters";
        }
        if (longer(s.comment(), MAX_COMMENT)) {
            return "Comment is longer than " + MAX_COMMENT + " characters";
        }
        if (longer(s.source(), MAX_SOURCE)) {
            return "Source is longer than " + MAX_SOURCE + " characters";
        }
        if (longer(s.externalId(), MAX_EXTERNAL_ID)) {
            return "External id is longer than " + MAX_EXTERNAL_ID + " characters";
        }
        return null;
    }

    /** A phone that does not read as a valid number is left out; the signature still counts. */
    private static @Nullable String phone(@Nullable String text) {
        return text == null || text.isBlank() ? null : PhoneNumbers.e164(text).orElse(null);
    }

    private static @Nullable String street(ImportedSignature s) {
        String line1 = blankToNull(s.address1());
        String line2 = blankToNull(s.address2());
        if (line1 == null || line2 == null) {
            return line1 != null ? line1 : line2;
        }
        return line1 + ", " + line2;
    }

    private static boolean longer(@Nullable String value, int max) {
        return value != null && value.trim().length() > max;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String shortened(String value) {
        String trimmed = value.trim();
        return trimmed.length() <= 60 ? trimmed : trimmed.substring(0, 57) + "...";
    }

    private static Outcome refused(String reason) {
        return new Outcome(null, reason);
    }
}
