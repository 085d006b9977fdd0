package org.grassroots.crm.people;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads one query's rows for a lazy grid. When the grid asks for the rows right after the last page it read (the user
 * scrolls on), the next page continues from that page's last key; any other offset (a jump) reads by OFFSET.
 * One listing belongs to one grid, which calls it from one thread at a time.
 */
public final class PersonListing {

    private final PersonSearchService search;
    private final PersonQuery query;
    private int endOffset = -1;
    private @Nullable PageKey lastKey;

    PersonListing(PersonSearchService search, PersonQuery query) {
        this.search = search;
        this.query = query;
    }

    public PersonQuery query() {
        return query;
    }

    public List<PersonRow> fetch(int offset, int limit) {
        boolean continues = offset == endOffset && lastKey != null;
        PersonPage page = search.page(query, continues ? lastKey : null, offset, limit);
        endOffset = offset + page.rows().size();
        lastKey = page.lastKey();
        return page.rows();
    }
}
