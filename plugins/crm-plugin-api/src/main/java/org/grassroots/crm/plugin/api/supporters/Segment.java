package org.grassroots.crm.plugin.api.supporters;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A saved rule for which supporters belong to a list or a report: every non-empty condition must hold.
 *
 * @param tags          supporters with at least one of these tags; empty for any
 * @param states        supporters in one of these USPS state codes; empty for any
 * @param petitionSlug  supporters who signed the petition with this slug (its link name, e.g. {@code save-the-river};
 *                      case and surrounding spaces ignored), or {@code null} for any. A slug that no petition has
 *                      is refused by {@link SupporterDirectory} with an {@link IllegalArgumentException}
 * @param emailStatuses supporters whose primary address has one of these statuses; empty for any
 */
public record Segment(Set<String> tags, Set<String> states, @Nullable String petitionSlug,
        Set<EmailStatus> emailStatuses) {

    /** Everyone with a primary e-mail address in any state. */
    public static final Segment EVERYONE = new Segment(Set.of(), Set.of(), null, Set.of());

    public Segment {
        tags = Set.copyOf(tags);
        states = Set.copyOf(states);
        emailStatuses = Set.copyOf(emailStatuses);
    }
}
