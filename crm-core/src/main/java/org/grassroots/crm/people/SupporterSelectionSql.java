package org.grassroots.crm.people;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link SupporterSelection} as one SQL query, for another feature's set-based statement (the e-mail list sync's
 * plan) to use as a subquery instead of a second copy of the selection rules.
 *
 * @param sql        {@code SELECT id, first_name, last_name, email, status, state, zip, city, updated_at, tags FROM …
 *                   WHERE …} over active supporters' primary addresses; {@code tags} is a {@code text[]} sorted by
 *                   name; no ORDER BY
 * @param parameters its named parameters (names start with {@code sel_} or {@code criterion})
 */
public record SupporterSelectionSql(String sql, Map<String, Object> parameters) {

    public SupporterSelectionSql {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
