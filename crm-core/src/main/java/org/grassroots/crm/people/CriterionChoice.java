package org.grassroots.crm.people;

/** One thing a {@link PersonChoiceCriterion} lets the user pick, e.g. a petition: its id and what to show. */
public record CriterionChoice(long id, String label) {
}
