package org.grassroots.crm.volunteers;

import org.grassroots.crm.people.PersonCriterion;
import org.springframework.stereotype.Component;

/** "Is a volunteer" on the supporters list: the volunteer table's primary key answers it. */
@Component
class IsVolunteerCriterion implements PersonCriterion {

    @Override
    public String key() {
        return "is-volunteer";
    }

    @Override
    public String label() {
        return "Is a volunteer";
    }

    @Override
    public String sqlCondition() {
        return "EXISTS (SELECT 1 FROM volunteer v WHERE v.person_id = p.id)";
    }
}
