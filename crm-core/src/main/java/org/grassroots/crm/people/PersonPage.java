package org.grassroots.crm.people;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A page of the supporters list and the key it ended on (null when it ended on no row or cannot be continued). */
public record PersonPage(List<PersonRow> rows, @Nullable PageKey lastKey) {

    public PersonPage {
        rows = List.copyOf(rows);
    }
}
