package org.grassroots.crm.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.internal.CriterionSql;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The filters other features offer, yes/no and with a choice, by key; turns the keys and picked ids of a filter into
 * SQL conditions whose only values are bound parameters. Shared by the staff list and the system's selections.
 */
@Component
class PersonCriteria {

    private static final String PARAMETER = "criterion";
    private static final int MAX_CHOICES = 200;

    private final Map<String, PersonCriterion> yesNo = new LinkedHashMap<>();
    private final Map<String, PersonChoiceCriterion> withChoice = new LinkedHashMap<>();

    PersonCriteria(ObjectProvider<PersonCriterion> yesNo, ObjectProvider<PersonChoiceCriterion> withChoice) {
        yesNo.orderedStream().forEach(criterion -> register(this.yesNo, criterion.key(), criterion));
        withChoice.orderedStream().forEach(criterion -> register(this.withChoice, criterion.key(), criterion));
    }

    private <C> void register(Map<String, C> byKey, String key, C criterion) {
        if (yesNo.containsKey(key) || withChoice.containsKey(key)) {
            throw new IllegalStateException("Two supporter filters use the key " + key + ": "
                    + criterion.getClass().getName() + " and " + describe(key) + ". Give each its own key.");
        }
        byKey.put(key, criterion);
    }

    private String describe(String key) {
        Object existing = yesNo.containsKey(key) ? yesNo.get(key) : withChoice.get(key);
        return existing.getClass().getName();
    }

    List<CriterionOption> yesNoOptions() {
        return yesNo.values().stream().map(c -> new CriterionOption(c.key(), c.label())).toList();
    }

    List<CriterionOption> choiceOptions() {
        return withChoice.values().stream().map(c -> new CriterionOption(c.key(), c.label())).toList();
    }

    List<CriterionChoice> choices(String key, @Nullable String text, int offset, int limit) {
        String trimmed = text == null || text.isBlank() ? null : text.strip();
        return choiceCriterion(key).choices(trimmed, Math.max(0, offset), Math.clamp(limit, 0, MAX_CHOICES));
    }

    Optional<CriterionChoice> choice(String key, long id) {
        return choiceCriterion(key).choice(id);
    }

    /** The conditions for these yes/no keys and picked choices, each choice's id in a parameter of its own. */
    List<CriterionSql> conditions(Set<String> yesNoKeys, Map<String, Long> choices) {
        List<CriterionSql> conditions = new ArrayList<>();
        for (String key : yesNoKeys) {
            PersonCriterion criterion = yesNo.get(key);
            if (criterion == null) {
                throw unknown(key);
            }
            conditions.add(new CriterionSql(criterion.sqlCondition(), Map.of()));
        }
        int number = 0;
        for (Map.Entry<String, Long> picked : choices.entrySet()) {
            String parameter = PARAMETER + number++;
            conditions.add(new CriterionSql(choiceCriterion(picked.getKey()).sqlCondition(parameter),
                    Map.of(parameter, picked.getValue())));
        }
        return conditions;
    }

    private PersonChoiceCriterion choiceCriterion(String key) {
        PersonChoiceCriterion criterion = withChoice.get(key);
        if (criterion == null) {
            throw unknown(key);
        }
        return criterion;
    }

    private static InvalidInputException unknown(String key) {
        return new InvalidInputException("criteria", "Unknown filter " + key + ".");
    }
}
