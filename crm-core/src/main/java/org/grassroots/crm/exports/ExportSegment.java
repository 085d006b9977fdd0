package org.grassroots.crm.exports;

import java.time.LocalDate;
import java.util.Set;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.SubscriptionStatus;
import org.jspecify.annotations.Nullable;

/**
 * Who an export is about, among the people who consented to the partner: every non-empty condition must hold.
 *
 * @param petitionIds signed at least one of these petitions; empty for any
 * @param tags        tagged with at least one of these (any case); empty for any
 * @param states      living in one of these states; empty for any
 * @param joinedFrom  became a supporter on or after this day (UTC), or {@code null}
 * @param joinedTo    became a supporter on or before this day (UTC), or {@code null}
 * @param statuses    whose primary address has one of these subscription statuses; empty for any
 */
public record ExportSegment(Set<Long> petitionIds, Set<String> tags, Set<UsState> states,
        @Nullable LocalDate joinedFrom, @Nullable LocalDate joinedTo, Set<SubscriptionStatus> statuses) {

    /** Everyone who consented. */
    public static final ExportSegment EVERYONE = new ExportSegment(Set.of(), Set.of(), Set.of(), null, null, Set.of());

    public ExportSegment {
        petitionIds = petitionIds == null ? Set.of() : Set.copyOf(petitionIds);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        states = states == null ? Set.of() : Set.copyOf(states);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
