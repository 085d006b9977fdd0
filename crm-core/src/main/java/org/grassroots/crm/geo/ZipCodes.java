package org.grassroots.crm.geo;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * US ZIP codes: normalises "78701-9779" / "787019779" / "78701" and finds the state a ZIP belongs to from the
 * {@code zip3_state} table (loaded once; 900-odd rows).
 */
@Service
public class ZipCodes {

    private final JdbcClient jdbc;
    private volatile Map<String, UsState> stateByPrefix;

    ZipCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ZIP as 5 or 9 digits, or empty when the text is not a US ZIP code. */
    public static Optional<String> normalise(String zip) {
        if (zip == null) {
            return Optional.empty();
        }
        // a character loop, not regular expressions: imports call this once per row, a million times
        String trimmed = zip.trim();
        StringBuilder digits = new StringBuilder(9);
        boolean separators = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '-' || c == ' ') {
                separators = true;
            } else {
                return Optional.empty();
            }
        }
        int length = digits.length();
        if (length == 5 || length == 9) {
            return Optional.of(digits.toString());
        }
        if ((length == 3 || length == 4) && !separators) {
            // spreadsheets drop leading zeros: 2134 was 02134
            return Optional.of("0".repeat(5 - length) + digits);
        }
        return Optional.empty();
    }

    /** A stored ZIP as people write it: ZIP+4 with its dash ({@code 85258-3771}); {@code null} stays {@code null}. */
    public static String display(String normalisedZip) {
        return normalisedZip != null && normalisedZip.length() == 9
                ? normalisedZip.substring(0, 5) + "-" + normalisedZip.substring(5) : normalisedZip;
    }

    /** The state the ZIP's first three digits belong to, or empty when unknown. */
    public Optional<UsState> stateOf(String normalisedZip) {
        if (normalisedZip == null || normalisedZip.length() < 3) {
            return Optional.empty();
        }
        return Optional.ofNullable(prefixes().get(normalisedZip.substring(0, 3)));
    }

    private Map<String, UsState> prefixes() {
        Map<String, UsState> loaded = stateByPrefix;
        if (loaded == null) {
            loaded = jdbc.sql("SELECT zip3, state FROM zip3_state").query((rs, row) -> Map.entry(rs.getString(1),
                    UsState.valueOf(rs.getString(2)))).list().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
            stateByPrefix = loaded;
        }
        return loaded;
    }
}
