package org.grassroots.crm.exports.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import org.grassroots.crm.exports.ExportSegment;
import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.petitions.PetitionTitle;

/**
 * Who an export is about, among the people who consent to its partner: signed one of these petitions, tagged with
 * one of these tags, living in one of these states, joined between two days, with one of these subscription
 * statuses. Every condition left empty matches everyone.
 */
class SegmentFields extends FormLayout {

    final MultiSelectComboBox<PetitionTitle> petitions = new MultiSelectComboBox<>("Signed one of these petitions");
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tagged with one of");
    final MultiSelectComboBox<UsState> states = new MultiSelectComboBox<>("Lives in");
    final DatePicker joinedFrom = new DatePicker("Joined on or after");
    final DatePicker joinedTo = new DatePicker("Joined on or before");
    final MultiSelectComboBox<SubscriptionStatus> statuses = new MultiSelectComboBox<>("E-mail status");

    SegmentFields(List<PetitionTitle> petitionTitles, List<String> tagNames) {
        addClassName("segment-fields");
        petitions.setItems(petitionTitles);
        petitions.setItemLabelGenerator(PetitionTitle::title);
        petitions.setPlaceholder("Any petition or none");
        tags.setItems(tagNames);
        tags.setPlaceholder("Any tags");
        states.setItems(UsState.values());
        states.setItemLabelGenerator(state -> state.name() + " · " + state.displayName());
        states.setPlaceholder("Any state");
        statuses.setItems(SubscriptionStatus.values());
        statuses.setItemLabelGenerator(SubscriptionStatus::label);
        statuses.setPlaceholder("Any status");
        statuses.setHelperText("Of their primary e-mail address.");
        joinedFrom.setHelperText("Became a supporter (UTC days, both included).");
        joinedTo.addValueChangeListener(e -> joinedTo.setInvalid(false));
        joinedFrom.addValueChangeListener(e -> joinedTo.setInvalid(false));
        add(petitions, tags, states, joinedFrom, joinedTo, statuses);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
        setColspan(petitions, 2);
    }

    ExportSegment segment() {
        return new ExportSegment(petitions.getValue().stream().map(PetitionTitle::id).collect(Collectors.toSet()),
                tags.getValue(), states.getValue(), joinedFrom.getValue(), joinedTo.getValue(), statuses.getValue());
    }

    /** Calls {@code onChange} whenever any condition changes. */
    void onChange(Runnable onChange) {
        List<HasValue<?, ?>> fields = List.of(petitions, tags, states, joinedFrom, joinedTo, statuses);
        fields.forEach(field -> field.addValueChangeListener(e -> onChange.run()));
    }

    /** Who the segment holds, in words, for the export's page. */
    static String describe(ExportSegment segment, Map<Long, String> petitionTitles, String partnerName) {
        List<String> parts = new ArrayList<>();
        if (!segment.petitionIds().isEmpty()) {
            parts.add("signed " + segment.petitionIds().stream().sorted()
                    .map(id -> "“" + petitionTitles.getOrDefault(id, "petition #" + id) + "”")
                    .collect(Collectors.joining(" or ")));
        }
        if (!segment.tags().isEmpty()) {
            parts.add("tagged " + sorted(segment.tags(), String::toString, " or "));
        }
        if (!segment.states().isEmpty()) {
            parts.add("living in " + sorted(segment.states(), UsState::name, ", "));
        }
        if (segment.joinedFrom() != null || segment.joinedTo() != null) {
            parts.add("joined " + joined(segment.joinedFrom(), segment.joinedTo()));
        }
        if (!segment.statuses().isEmpty()) {
            parts.add("e-mail " + sorted(segment.statuses(), status -> status.label().toLowerCase(), " or "));
        }
        return "Everyone who consents to sharing with " + partnerName
                + (parts.isEmpty() ? "." : " and " + String.join(", ", parts) + ".");
    }

    private static String joined(LocalDate from, LocalDate to) {
        if (from == null) {
            return "on or before " + to;
        }
        return to == null ? "on or after " + from : "between " + from + " and " + to;
    }

    private static <T> String sorted(Set<T> values, Function<T, String> label, String separator) {
        return values.stream().map(label).sorted(Comparator.naturalOrder()).collect(Collectors.joining(separator));
    }
}
