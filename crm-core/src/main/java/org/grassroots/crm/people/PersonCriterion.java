package org.grassroots.crm.people;

/**
 * A yes/no filter another feature offers on the supporters list ("Has donated", "Is a volunteer"), so the people
 * feature can filter by facts it does not own. Implementations are Spring beans.
 */
public interface PersonCriterion {

    /** Stable key used in URLs and saved filters, e.g. {@code has-donated}. */
    String key();

    /** What the filter is called on screen, e.g. "Has donated". */
    String label();

    /**
     * A boolean SQL condition over the supporters table aliased {@code p}, without parameters, that an index can
     * serve, e.g. {@code EXISTS (SELECT 1 FROM donation d WHERE d.person_id = p.id)}.
     */
    String sqlCondition();
}
