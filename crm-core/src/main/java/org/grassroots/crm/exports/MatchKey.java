package org.grassroots.crm.exports;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/**
 * The key two organisations agree on for one exchange of hashed match files. It is passed in for each use and never
 * stored or logged by the CRM. A value's hash is the lower-case hex HMAC-SHA-256, keyed with the key's UTF-8 bytes,
 * of the value's UTF-8 bytes after normalising: an e-mail address trimmed and lower-cased, a phone number in E.164
 * ({@code +15125550123}; US numbers may be written without the country code).
 */
public final class MatchKey {

    /** Short keys would let someone who guesses the key test every address they know. */
    public static final int MIN_LENGTH = 16;

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private MatchKey(byte[] key) {
        this.key = key;
    }

    /** @throws InvalidInputException when the key is shorter than {@value #MIN_LENGTH} characters */
    public static MatchKey of(@Nullable String agreedKey) {
        if (agreedKey == null || agreedKey.strip().length() < MIN_LENGTH) {
            throw new InvalidInputException("key", "Enter the key agreed with the partner: at least " + MIN_LENGTH
                    + " characters, the same on both sides.");
        }
        return new MatchKey(agreedKey.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of an e-mail address, or {@code null} for a blank one. */
    public @Nullable String hashEmail(@Nullable String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return normalised.isEmpty() ? null : hex(normalised);
    }

    /** The hash of a phone number, or {@code null} when it does not read as a valid number. */
    public @Nullable String hashPhone(@Nullable String phone) {
        return PhoneNumbers.e164(phone).map(this::hex).orElse(null);
    }

    /** The key's bytes, for core's hashing in SQL; a copy. */
    public byte[] bytes() {
        return key.clone();
    }

    private String hex(String normalised) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MatchKey that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MatchKey[hidden]";
    }
}
