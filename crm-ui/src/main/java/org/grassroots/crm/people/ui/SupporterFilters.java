package org.grassroots.crm.people.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.QueryParameters;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.CriterionChoice;
import org.grassroots.crm.people.CriterionOption;
import org.grassroots.crm.people.PersonFilter;
import org.grassroots.crm.people.PersonSearchService;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.SubscriptionStatus;

/**
 * The supporters list's filter bar: state, tag, subscription status, a picker for each filter with a choice (e.g.
 * "Signed petition", lazy and filtered by what is typed) and a box for each yes/no filter. Its values travel in the
 * address so a filtered list can be linked to: {@code state=TX}, {@code tag=…}, {@code status=SUBSCRIBED}, a yes/no
 * filter as {@code <key>=yes} and a filter with a choice as {@code <key>=<id>}, e.g. {@code signed-petition=42}.
 * The search text stays out of the address: it may be someone's e-mail address.
 */
class SupporterFilters extends FlexLayout {

    static final String STATE = "state";
    static final String TAG = "tag";
    static final String STATUS = "status";
    static final String YES = "yes";

    final ComboBox<UsState> state = new ComboBox<>("State");
    final ComboBox<String> tag = new ComboBox<>("Tag");
    final ComboBox<SubscriptionStatus> status = new ComboBox<>("Subscription");
    final Map<String, ComboBox<CriterionChoice>> choiceBoxes = new LinkedHashMap<>();
    final Map<String, Checkbox> criteriaBoxes = new LinkedHashMap<>();
    private final PersonSearchService search;
    private final List<String> tags;
    private final Runnable changed;
    private boolean showingLink;

    SupporterFilters(PersonSearchService search, PersonService people, Runnable changed) {
        this.search = search;
        this.tags = people.allTags();
        this.changed = changed;
        state.setItems(UsState.values());
        state.setItemLabelGenerator(value -> value.name() + " · " + value.displayName());
        tag.setItems(tags);
        status.setItems(SubscriptionStatus.values());
        status.setItemLabelGenerator(SubscriptionStatus::label);
        status.setTooltipText("Subscription status of the primary e-mail address");
        add(state, tag, status);
        search.choiceCriteria().forEach(option -> add(choiceBox(option)));
        search.criteria().forEach(option -> add(criterionBox(option)));
        List.of(state, tag, status).forEach(box -> box.setClearButtonVisible(true));
        fields().forEach(field -> field.addValueChangeListener(e -> {
            if (!showingLink) {
                changed.run();
            }
        }));
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(Alignment.BASELINE);
        addClassName("supporters-filters");
    }

    private ComboBox<CriterionChoice> choiceBox(CriterionOption option) {
        ComboBox<CriterionChoice> box = new ComboBox<>(option.label());
        box.setId("choice-" + option.key());
        box.addClassName("choice-filter");
        box.setPlaceholder("Type to find");
        box.setClearButtonVisible(true);
        box.setItemLabelGenerator(CriterionChoice::label);
        box.setItems(query -> search.choices(option.key(), query.getFilter().orElse(null), query.getOffset(),
                query.getLimit()).stream());
        box.addValueChangeListener(e -> box.setInvalid(false));
        choiceBoxes.put(option.key(), box);
        return box;
    }

    private Checkbox criterionBox(CriterionOption option) {
        Checkbox box = new Checkbox(option.label());
        box.setId("criterion-" + option.key());
        criteriaBoxes.put(option.key(), box);
        return box;
    }

    PersonFilter filter() {
        Set<String> criteria = new LinkedHashSet<>();
        criteriaBoxes.forEach((key, box) -> {
            if (box.getValue()) {
                criteria.add(key);
            }
        });
        Map<String, Long> choices = new LinkedHashMap<>();
        choiceBoxes.forEach((key, box) -> {
            if (box.getValue() != null) {
                choices.put(key, box.getValue().id());
            }
        });
        return new PersonFilter(state.getValue(), tag.getValue(), status.getValue(), criteria, choices);
    }

    /** Shows the filters a link asks for; what it names that does not exist is left empty (a choice says so). */
    void show(QueryParameters link) {
        showingLink = true;
        try {
            state.setValue(first(link, STATE).flatMap(code -> enumValue(UsState.class, code)).orElse(null));
            tag.setValue(first(link, TAG).flatMap(name -> tags.stream().filter(name::equalsIgnoreCase).findFirst())
                    .orElse(null));
            status.setValue(first(link, STATUS).flatMap(name -> enumValue(SubscriptionStatus.class, name))
                    .orElse(null));
            criteriaBoxes.forEach((key, box) -> box.setValue(first(link, key).filter(YES::equals).isPresent()));
            choiceBoxes.forEach((key, box) -> showChoice(key, box, first(link, key)));
        } finally {
            showingLink = false;
        }
    }

    private void showChoice(String key, ComboBox<CriterionChoice> box, Optional<String> id) {
        Optional<CriterionChoice> choice = id.flatMap(SupporterFilters::number).flatMap(n -> search.choice(key, n));
        box.setValue(choice.orElse(null));
        box.setInvalid(id.isPresent() && choice.isEmpty());
        box.setErrorMessage(id.isPresent() && choice.isEmpty()
                ? "The link's choice (" + id.get() + ") was not found; pick one from the list." : null);
    }

    /** The filters as the address shows them. */
    QueryParameters parameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        PersonFilter filter = filter();
        if (filter.state() != null) {
            parameters.put(STATE, List.of(filter.state().name()));
        }
        if (filter.tag() != null) {
            parameters.put(TAG, List.of(filter.tag()));
        }
        if (filter.status() != null) {
            parameters.put(STATUS, List.of(filter.status().name()));
        }
        filter.choices().forEach((key, id) -> parameters.put(key, List.of(String.valueOf(id))));
        filter.criteria().forEach(key -> parameters.put(key, List.of(YES)));
        return new QueryParameters(parameters);
    }

    private List<HasValue<?, ?>> fields() {
        List<HasValue<?, ?>> fields = new ArrayList<>(List.of(state, tag, status));
        fields.addAll(choiceBoxes.values());
        fields.addAll(criteriaBoxes.values());
        return fields;
    }

    private static Optional<String> first(QueryParameters parameters, String name) {
        return parameters.getSingleParameter(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static Optional<Long> number(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
