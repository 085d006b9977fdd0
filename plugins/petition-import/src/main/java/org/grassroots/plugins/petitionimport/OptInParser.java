package org.grassroots.plugins.petitionimport;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads the e-mail opt-in column, ignoring case, and dashes or underscores written for spaces ({@code opted-in}).
 * Yes: {@code yes, y, true, t, 1, x, on, opted in, opt in, subscribed}. No: {@code no, n, false, f, 0, off,
 * opted out, opt out, unsubscribed}, and an empty cell. ({@code t} and {@code f} are how PostgreSQL exports write
 * booleans; {@code x} is a ticked box.)
 */
final class OptInParser {

    /** How the refusal of a value names what would have been accepted. */
    static final String EXAMPLES = "yes, no, 1, 0";

    private OptInParser() {
    }

    /** Whether {@code text} (trimmed; {@code null} for an empty cell) says yes, or {@code null} when it says neither. */
    static @Nullable Boolean parse(@Nullable String text) {
        if (text == null) {
            return Boolean.FALSE;
        }
        return switch (text.toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ')) {
            case "yes", "y", "true", "t", "1", "x", "on", "opted in", "opt in", "subscribed" -> Boolean.TRUE;
            case "no", "n", "false", "f", "0", "off", "opted out", "opt out", "unsubscribed" -> Boolean.FALSE;
            default -> null;
        };
    }
}
