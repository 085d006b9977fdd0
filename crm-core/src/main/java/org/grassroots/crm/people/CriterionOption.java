package org.grassroots.crm.people;

/** A {@link PersonCriterion} or {@link PersonChoiceCriterion} as the list's filter bar shows it. */
public record CriterionOption(String key, String label) {
}
