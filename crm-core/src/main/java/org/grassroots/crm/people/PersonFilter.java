package org.grassroots.crm.people;

import java.util.Set;

import org.grassroots.crm.geo.UsState;
import org.jspecify.annotations.Nullable;

/**
 * Narrows the supporters list. {@code status} is that of the primary address; {@code criteria} holds the keys of
 * {@link PersonCriterion} filters that must all hold.
 */
public record PersonFilter(@Nullable UsState state, @Nullable String tag, @Nullable SubscriptionStatus status,
        Set<String> criteria) {

    public PersonFilter {
        criteria = criteria == null ? Set.of() : Set.copyOf(criteria);
    }

    public static PersonFilter none() {
        return new PersonFilter(null, null, null, Set.of());
    }

    public boolean isEmpty() {
        return state == null && (tag == null || tag.isBlank()) && status == null && criteria.isEmpty();
    }
}
