package org.grassroots.crm.petitions;

import java.util.List;
import java.util.Optional;

import org.grassroots.crm.people.CriterionChoice;
import org.grassroots.crm.people.PersonChoiceCriterion;
import org.grassroots.crm.petitions.internal.PetitionPicker;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Signed petition …" on the supporters list and in plugin segments: the signers of one petition, picked from the
 * petitions newest first. The EXISTS probe is served by {@code signature_petition_person_uk (petition_id,
 * person_id)}; the petition id arrives only as a bound parameter.
 */
@Component
public class SignedPetitionCriterion implements PersonChoiceCriterion {

    /** The key in supporter-list links ({@code supporters?signed-petition=42}) and selections. */
    public static final String KEY = "signed-petition";

    private final PetitionPicker petitions;

    SignedPetitionCriterion(PetitionPicker petitions) {
        this.petitions = petitions;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String label() {
        return "Signed petition";
    }

    @Override
    public List<CriterionChoice> choices(@Nullable String text, int offset, int limit) {
        return petitions.page(text, offset, limit);
    }

    @Override
    public Optional<CriterionChoice> choice(long id) {
        return petitions.find(id);
    }

    @Override
    public String sqlCondition(String parameter) {
        return "EXISTS (SELECT 1 FROM signature s WHERE s.person_id = p.id AND s.petition_id = :" + parameter + ")";
    }
}
