package org.grassroots.crm.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Checks that the supporters list gives one order whichever way it is paged: by offset, by keyset, or as a grid. */
public final class PagingAgreement {

    private PagingAgreement() {
    }

    /**
     * Pages {@code query} by offset, by keyset in pages of 5 and as the grid's listing in pages of 7, requires the
     * three to agree and to hold {@code expected} rows, and returns the rows.
     */
    public static List<PersonRow> assertPagingAgrees(PersonSearchService search, PersonQuery query, int expected) {
        List<PersonRow> byOffset = search.page(query, null, 0, 100).rows();
        List<PersonRow> byKeyset = new ArrayList<>();
        PageKey last = null;
        do {
            PersonPage page = search.page(query, last, 0, 5);
            byKeyset.addAll(page.rows());
            last = page.rows().size() == 5 ? page.lastKey() : null;
        } while (last != null);
        List<PersonRow> byListing = new ArrayList<>();
        PersonListing listing = search.listing(query);
        for (int offset = 0; offset < expected + 7; offset += 7) {
            byListing.addAll(listing.fetch(offset, 7));
        }
        String order = "descending=" + query.descending();
        assertThat(byOffset).hasSize(expected);
        assertThat(byKeyset).as("keyset, " + order).containsExactlyElementsOf(byOffset);
        assertThat(byListing).as("listing, " + order).containsExactlyElementsOf(byOffset);
        return byOffset;
    }
}
