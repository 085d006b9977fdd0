package org.grassroots.plugins.petitionimport;

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

    private static final String[] YES = {"yes", "y", "true", "t", "1", "x", "on", "opted in", "opt in", "subscribed"};
    private static final String[] NO = {"no", "n", "false", "f", "0", "off", "opted out", "opt out", "unsubscribed"};

    private OptInParser() {
    }

    /** Whether {@code text} (trimmed; {@code null} for an empty cell) says yes, or {@code null} when it says neither. */
    static @Nullable Boolean parse(@Nullable String text) {
        if (text == null) {
            return Boolean.FALSE;
        }
        if (isOneOf(text, YES)) {
            return Boolean.TRUE;
        }
        if (isOneOf(text, NO)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Compared in place, without the lower-cased copy a switch would need on every row. */
    private static boolean isOneOf(String text, String[] words) {
        for (String word : words) {
            if (sameWord(text, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameWord(String text, String word) {
        if (text.length() != word.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '_') {
                c = ' ';
            }
            if (Character.toLowerCase(c) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
