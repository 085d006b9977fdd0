package org.grassroots.crm.people;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A filter another feature offers on the supporters list that needs one thing picked first, e.g. "Signed petition"
 * with the petition to pick, so the people feature can filter by facts it does not own. The sibling of the yes/no
 * {@link PersonCriterion}; keys of both kinds share one namespace. Implementations are Spring beans.
 *
 * <p>The picked thing reaches SQL only as a bound parameter: the people feature names the parameter and binds the
 * chosen id, the criterion writes the condition around that name and never sees user input.
 */
public interface PersonChoiceCriterion {

    /** Stable key used in URLs and saved filters, e.g. {@code signed-petition}. */
    String key();

    /** What the filter is called on screen, e.g. "Signed petition". */
    String label();

    /**
     * A page of what can be picked, in the order a picker shows it (e.g. newest first).
     *
     * @param text only choices whose label contains this (any case); null or blank for all
     */
    List<CriterionChoice> choices(@Nullable String text, int offset, int limit);

    /** The choice with this id, e.g. to show a linked filter; empty when there is none (any more). */
    Optional<CriterionChoice> choice(long id);

    /**
     * A boolean SQL condition over the supporters table aliased {@code p} that an index can serve, comparing with
     * the chosen id through the bound parameter {@code :<parameter>}, e.g.
     * {@code EXISTS (SELECT 1 FROM signature s WHERE s.person_id = p.id AND s.petition_id = :<parameter>)}.
     *
     * @param parameter the name of the bigint parameter that holds the chosen id (write it as {@code ":" + parameter})
     */
    String sqlCondition(String parameter);
}
