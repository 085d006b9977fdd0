package org.grassroots.crm.people;

import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.jspecify.annotations.Nullable;

/** Phone numbers as the CRM stores them: E.164, read from any common format, US numbers without a country code. */
public final class PhoneNumbers {

    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9 ().\\-]{7,25}");
    private static final String DEFAULT_REGION = "US";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164 when the text reads as a valid phone number. */
    public static Optional<String> e164(@Nullable String text) {
        if (text == null || !PHONE_LIKE.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(text.trim(), DEFAULT_REGION);
            if (!PHONES.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
