package org.grassroots.crm.people;

import org.jspecify.annotations.Nullable;

/**
 * What the supporters list shows. {@code text} containing '@' is an exact e-mail, text that reads as a phone number
 * is an exact phone, anything else a fuzzy name of at least 3 characters (ordered by likeness unless {@code sort} is
 * given). Without text, rows come in {@code sort} order (name when null).
 */
public record PersonQuery(@Nullable String text, PersonFilter filter, @Nullable PersonSort sort, boolean descending) {

    public PersonQuery {
        text = text == null || text.isBlank() ? null : text.trim();
        filter = filter == null ? PersonFilter.none() : filter;
    }

    public static PersonQuery all() {
        return new PersonQuery(null, PersonFilter.none(), null, false);
    }

    public PersonQuery withSort(@Nullable PersonSort newSort, boolean newDescending) {
        return new PersonQuery(text, filter, newSort, newDescending);
    }
}
