package org.grassroots.crm.people;

import java.util.Map;
import java.util.Set;

/**
 * Which supporters an integration wants: active supporters with a primary e-mail address, narrowed by every
 * non-empty condition.
 *
 * @param tags     at least one of these tags (any case); empty for any
 * @param states   in one of these USPS state codes; empty for any
 * @param statuses whose primary address has one of these statuses; empty for any
 * @param choices  the key of a {@link PersonChoiceCriterion} and the id picked for it (e.g. the petition they signed);
 *                 every one must hold; empty for any
 */
public record SupporterSelection(Set<String> tags, Set<String> states, Set<SubscriptionStatus> statuses,
        Map<String, Long> choices) {

    public static final SupporterSelection EVERYONE = new SupporterSelection(Set.of(), Set.of(), Set.of(), Map.of());

    public SupporterSelection {
        tags = Set.copyOf(tags);
        states = Set.copyOf(states);
        statuses = Set.copyOf(statuses);
        choices = Map.copyOf(choices);
    }

    /** A selection without choice criteria. */
    public SupporterSelection(Set<String> tags, Set<String> states, Set<SubscriptionStatus> statuses) {
        this(tags, states, statuses, Map.of());
    }
}
