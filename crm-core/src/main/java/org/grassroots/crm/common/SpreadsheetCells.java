package org.grassroots.crm.common;

import org.jspecify.annotations.Nullable;

/**
 * Makes text safe to open in a spreadsheet: a cell starting with = + - @, a tab or a carriage return would run as a
 * formula (CSV injection), so it gets a leading apostrophe, which spreadsheets show as text. Every CSV core writes
 * for people to open passes its text through here.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The value, neutralised; {@code null} becomes an empty cell. */
    public static String neutralise(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
