package org.grassroots.crm.people.ui;

import com.vaadin.flow.router.QueryParameters;

/** Addresses of the supporters list with a filter set, for other features' screens to link to. */
public final class SupportersLink {

    private SupportersLink() {
    }

    /**
     * The list narrowed by a filter with a choice, e.g. {@code filteredBy(SignedPetitionCriterion.KEY, 42)} for the
     * signers of petition 42.
     */
    public static String filteredBy(String choiceCriterionKey, long choiceId) {
        return SupportersView.ROUTE + "?"
                + QueryParameters.of(choiceCriterionKey, String.valueOf(choiceId)).getQueryString();
    }
}
