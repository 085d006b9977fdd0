package org.grassroots.crm.reports.ui;

import java.time.LocalDate;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.petitions.PetitionTitle;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.ReportFilterChoices;

/**
 * A report's filters: the period (the last 90 days at first), a petition, a tag and a source; Apply runs the
 * report for them. A tag may be typed when it is not offered (analysts are offered none).
 */
class ReportFilterBar extends HorizontalLayout {

    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final ComboBox<PetitionTitle> petition = new ComboBox<>("Petition");
    final ComboBox<String> tag = new ComboBox<>("Tag");
    final TextField source = new TextField("Source");
    final Button apply = new Button("Apply");

    ReportFilterBar(StatsFilter initial, ReportFilterChoices choices, Consumer<StatsFilter> onApply) {
        addClassName("report-filters");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        from.setValue(initial.from());
        to.setValue(initial.to());
        petition.setItems(choices.petitions());
        petition.setItemLabelGenerator(PetitionTitle::title);
        petition.setClearButtonVisible(true);
        petition.setPlaceholder("All petitions");
        tag.setItems(choices.tags());
        tag.setAllowCustomValue(true);
        tag.addCustomValueSetListener(e -> tag.setValue(e.getDetail().strip()));
        tag.setClearButtonVisible(true);
        tag.setPlaceholder("All supporters");
        source.setClearButtonVisible(true);
        source.setPlaceholder("All sources");
        apply.addThemeVariants(ButtonVariant.PRIMARY);
        apply.addClickListener(e -> filter().ifPresent(onApply));
        add(from, to, petition, tag, source, apply);
    }

    /** The filters as chosen, or empty (with the field marked) when the period is incomplete or backwards. */
    java.util.Optional<StatsFilter> filter() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        from.setInvalid(start == null);
        from.setErrorMessage(start == null ? "Choose the first day" : null);
        to.setInvalid(end == null || (start != null && end.isBefore(start)));
        to.setErrorMessage(end == null ? "Choose the last day" : "The period ends before it starts");
        if (from.isInvalid() || to.isInvalid()) {
            return java.util.Optional.empty();
        }
        String chosenTag = tag.getValue() == null || tag.getValue().isBlank() ? null : tag.getValue().strip();
        String chosenSource = source.getValue().isBlank() ? null : source.getValue().strip();
        Long petitionId = petition.getValue() == null ? null : petition.getValue().id();
        return java.util.Optional.of(new StatsFilter(start, end, petitionId, chosenTag, chosenSource));
    }
}
