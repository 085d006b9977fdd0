package org.grassroots.crm.donations;

import org.grassroots.crm.people.PersonCriterion;
import org.springframework.stereotype.Component;

/** "Has donated" on the supporters list; the EXISTS probe is served by donation_person_idx. */
@Component
class HasDonatedCriterion implements PersonCriterion {

    @Override
    public String key() {
        return "has-donated";
    }

    @Override
    public String label() {
        return "Has donated";
    }

    @Override
    public String sqlCondition() {
        return "EXISTS (SELECT 1 FROM donation d WHERE d.person_id = p.id)";
    }
}
