package org.grassroots.crm.security;

import java.util.Locale;

import org.grassroots.crm.common.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B style rules: length over composition. At least 12 characters, at most 128, not the username,
 * not one repeated character.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** Throws {@link InvalidInputException} on {@code field} when {@code password} breaks a rule. */
    public void check(String field, String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException(field, "Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "Use at most " + MAX_LENGTH + " characters.");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(field, "The password must not contain the username.");
        }
        if (password.chars().distinct().count() < 4) {
            throw new InvalidInputException(field, "Use a less repetitive password.");
        }
    }
}
