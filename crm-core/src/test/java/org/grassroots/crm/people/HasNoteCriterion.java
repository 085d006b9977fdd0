package org.grassroots.crm.people;

import org.springframework.stereotype.Component;

/** A filter another feature could offer, here over notes, to show criteria reach the list's SQL. */
@Component
class HasNoteCriterion implements PersonCriterion {

    static final String KEY = "test-has-note";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String label() {
        return "Has a note";
    }

    @Override
    public String sqlCondition() {
        return "EXISTS (SELECT 1 FROM person_note n WHERE n.person_id = p.id)";
    }
}
