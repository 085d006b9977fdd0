package org.grassroots.crm.people;

import java.util.Map;
import java.util.Set;

import org.grassroots.crm.geo.UsState;
import org.jspecify.annotations.Nullable;

/**
 * Narrows the supporters list. {@code status} is that of the primary address; {@code criteria} holds the keys of
 * {@link PersonCriterion} filters that must all hold; {@code choices} maps the key of a {@link PersonChoiceCriterion}
 * to the id picked for it (e.g. {@code signed-petition → 42}), and each must hold too.
 */
public record PersonFilter(@Nullable UsState state, @Nullable String tag, @Nullable SubscriptionStatus status,
        Set<String> criteria, Map<String, Long> choices) {

    public PersonFilter {
        criteria = criteria == null ? Set.of() : Set.copyOf(criteria);
        choices = choices == null ? Map.of() : Map.copyOf(choices);
    }

    /** A filter without picked choices. */
    public PersonFilter(@Nullable UsState state, @Nullable String tag, @Nullable SubscriptionStatus status,
            Set<String> criteria) {
        this(state, tag, status, criteria, Map.of());
    }

    public static PersonFilter none() {
        return new PersonFilter(null, null, null, Set.of(), Map.of());
    }

    public boolean isEmpty() {
        return state == null && (tag == null || tag.isBlank()) && status == null && criteria.isEmpty()
                && choices.isEmpty();
    }
}
