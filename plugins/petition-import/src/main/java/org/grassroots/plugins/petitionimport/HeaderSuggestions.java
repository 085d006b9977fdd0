package org.grassroots.plugins.petitionimport;

import static org.grassroots.crm.plugin.api.petitions.SignatureField.ADDRESS_LINE1;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.ADDRESS_LINE2;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.CITY;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.COMMENT;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.EMAIL;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.EXTERNAL_ID;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.FIRST_NAME;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.FULL_NAME;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.LAST_NAME;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.OPT_IN;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.PHONE;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.SIGNED_AT;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.SOURCE;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.STATE;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.ZIP;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.SignatureField;

/**
 * Suggests a mapping from header names. A name is compared in lower case with everything but letters and digits
 * removed ({@code E-mail Address} → {@code emailaddress}) against a table of the names that forms and the common
 * petition tools use. Each field gets at most one column and each column at most one field, the first match in file
 * order winning. A full-name column is suggested only when there is no first- or last-name column.
 *
 * <p>Action Network's {@code can2_subscription_status} is deliberately not taken for the opt-in: it holds the
 * address's state at the source (subscribed, unsubscribed, bouncing …), not the signer's answer on this petition.
 */
final class HeaderSuggestions {

    private static final Map<String, SignatureField> SYNONYMS = synonyms(Map.ofEntries(
            Map.entry(EMAIL, List.of("email", "e-mail", "email address", "emailaddress", "e-mail address")),
            Map.entry(FIRST_NAME, List.of("first name", "firstname", "first", "given name", "fname", "forename")),
            Map.entry(LAST_NAME, List.of("last name", "lastname", "last", "surname", "family name", "lname")),
            Map.entry(FULL_NAME, List.of("name", "full name", "signer", "signer name")),
            Map.entry(ZIP, List.of("zip", "zip code", "zipcode", "zip_code", "postal code", "postcode", "postal",
                    "zip5")),
            Map.entry(STATE, List.of("state", "state code", "province", "region", "can2_state_abbreviated",
                    "can2_user_state")),
            Map.entry(PHONE, List.of("phone", "mobile", "phone number", "mobile phone", "cell", "cell phone",
                    "can2_phone")),
            Map.entry(ADDRESS_LINE1, List.of("address", "address1", "address line 1", "street", "street address",
                    "can2_user_address")),
            Map.entry(ADDRESS_LINE2, List.of("address2", "address line 2")),
            Map.entry(CITY, List.of("city", "town", "can2_user_city")),
            Map.entry(SIGNED_AT, List.of("signed at", "signed on", "signed", "date signed", "date", "created at",
                    "created_date", "timestamp")),
            Map.entry(COMMENT, List.of("comment", "comments", "message", "reason", "action_comment")),
            Map.entry(EXTERNAL_ID, List.of("id", "external id", "signature id", "action id")),
            Map.entry(OPT_IN, List.of("opt-in", "optin", "opt in", "opted in", "email opt in", "email opt-in",
                    "subscribe")),
            Map.entry(SOURCE, List.of("source", "referrer", "utm_source"))));

    private HeaderSuggestions() {
    }

    static FieldMapping suggest(List<String> headers) {
        Map<SignatureField, String> suggested = new EnumMap<>(SignatureField.class);
        for (String header : headers) {
            SignatureField field = SYNONYMS.get(normalise(header));
            if (field != null) {
                suggested.putIfAbsent(field, header);
            }
        }
        if (suggested.containsKey(FIRST_NAME) || suggested.containsKey(LAST_NAME)) {
            suggested.remove(FULL_NAME);
        }
        return new FieldMapping(suggested);
    }

    static String normalise(String header) {
        StringBuilder letters = new StringBuilder(header.length());
        header.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
                .forEach(letters::appendCodePoint);
        return letters.toString();
    }

    private static Map<String, SignatureField> synonyms(Map<SignatureField, List<String>> names) {
        Map<String, SignatureField> byName = new HashMap<>();
        names.forEach((field, list) -> list.forEach(name -> {
            SignatureField earlier = byName.put(normalise(name), field);
            if (earlier != null && earlier != field) {
                throw new IllegalStateException(name + " is a synonym of both " + earlier + " and " + field);
            }
        }));
        return Map.copyOf(byName);
    }
}
