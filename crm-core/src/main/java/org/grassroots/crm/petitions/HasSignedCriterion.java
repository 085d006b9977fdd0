package org.grassroots.crm.petitions;

import org.grassroots.crm.people.PersonCriterion;
import org.springframework.stereotype.Component;

/**
 * "Has signed a petition" on the supporters list; the EXISTS probe is served by signature_person_idx. The signers of
 * one petition are {@link SignedPetitionCriterion}.
 */
@Component
class HasSignedCriterion implements PersonCriterion {

    @Override
    public String key() {
        return "has-signed";
    }

    @Override
    public String label() {
        return "Has signed a petition";
    }

    @Override
    public String sqlCondition() {
        return "EXISTS (SELECT 1 FROM signature s WHERE s.person_id = p.id)";
    }
}
