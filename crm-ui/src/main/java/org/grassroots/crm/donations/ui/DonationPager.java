package org.grassroots.crm.donations.ui;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.grassroots.crm.donations.Donation;
import org.grassroots.crm.donations.DonationCursor;
import org.grassroots.crm.donations.DonationFilter;
import org.grassroots.crm.donations.DonationService;

/**
 * Feeds the donations grid by keyset: it remembers where each loaded page ended, so scrolling on asks the database
 * for "older than this gift" (an index range) and a jump skips only from the nearest position it knows.
 */
final class DonationPager {

    private final DonationService donations;
    /** Row offset → the cursor right before that row. */
    private final TreeMap<Integer, DonationCursor> positions = new TreeMap<>();
    private DonationFilter filter = DonationFilter.none();

    DonationPager(DonationService donations) {
        this.donations = donations;
    }

    DonationFilter filter() {
        return filter;
    }

    void reset(DonationFilter newFilter) {
        filter = newFilter;
        positions.clear();
    }

    Stream<Donation> fetch(int offset, int limit) {
        Map.Entry<Integer, DonationCursor> nearest = positions.floorEntry(offset);
        int knownOffset = nearest == null ? 0 : nearest.getKey();
        List<Donation> rows = donations.list(filter, nearest == null ? null : nearest.getValue(),
                offset - knownOffset, limit);
        if (!rows.isEmpty()) {
            positions.put(offset + rows.size(), rows.getLast().cursor());
        }
        return rows.stream();
    }
}
