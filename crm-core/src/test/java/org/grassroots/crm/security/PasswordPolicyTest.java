package org.grassroots.crm.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.grassroots.crm.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"twelve chars", "correct-horse-battery-staple", "Ünïcödé pässwörd ok"})
    void acceptsLongEnoughPasswords(String password) {
        assertThatCode(() -> policy.check("password", password, "alice")).doesNotThrowAnyException();
    }

    @Test
    void acceptsExactlyTheMaximumLength() {
        String longest = "abcd".repeat(PasswordPolicy.MAX_LENGTH / 4);

        assertThatCode(() -> policy.check("password", longest, "alice")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eleven char"})
    void rejectsShortPasswordsOnTheGivenField(String password) {
        assertThatThrownBy(() -> policy.check("newPassword", password, "alice"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Use at least 12 characters.")
                .extracting("field").isEqualTo("newPassword");
    }

    @Test
    void rejectsAMissingPassword() {
        assertThatThrownBy(() -> policy.check("password", null, "alice"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Use at least 12 characters.");
    }

    @Test
    void rejectsPasswordsOverTheMaximumLength() {
        String tooLong = "abcd".repeat(PasswordPolicy.MAX_LENGTH / 4) + "e";

        assertThatThrownBy(() -> policy.check("password", tooLong, "alice"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Use at most 128 characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice-password-2026", "my name is ALICE!", "xxAlIcExx-long-enough"})
    void rejectsPasswordsContainingTheUsernameInAnyCase(String password) {
        assertThatThrownBy(() -> policy.check("password", password, "alice"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The password must not contain the username.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaaaaaa", "abababababababab", "abcabcabcabcabc"})
    void rejectsRepetitivePasswords(String password) {
        assertThatThrownBy(() -> policy.check("password", password, "zed"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Use a less repetitive password.");
    }

    @Test
    void fourDistinctCharactersAreEnough() {
        assertThatCode(() -> policy.check("password", "abcdabcdabcd", "zed")).doesNotThrowAnyException();
    }
}
