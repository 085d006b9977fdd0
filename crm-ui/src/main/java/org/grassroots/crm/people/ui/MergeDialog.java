package org.grassroots.crm.people.ui;

import java.util.function.Function;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.geo.ZipCodes;
import org.grassroots.crm.people.MergeChoice;
import org.grassroots.crm.people.MergeRequest;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonFilter;
import org.grassroots.crm.people.PersonMergeService;
import org.grassroots.crm.people.PersonQuery;
import org.grassroots.crm.people.PersonRow;
import org.grassroots.crm.people.PersonSearchService;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PostalAddress;
import org.grassroots.crm.ui.Feedback;

/** Finds a duplicate of this supporter, shows both side by side, lets staff pick each field's value, then merges. */
class MergeDialog extends Dialog {

    final TextField find = new TextField();
    final Grid<PersonRow> candidates = new Grid<>(PersonRow.class, false);
    final RadioButtonGroup<MergeChoice> names = new RadioButtonGroup<>("Name");
    final RadioButtonGroup<MergeChoice> address = new RadioButtonGroup<>("Address");
    final RadioButtonGroup<MergeChoice> source = new RadioButtonGroup<>("Source");
    final Button merge = new Button("Merge");
    private final PersonDetails survivor;
    private final PersonService people;
    private final PersonMergeService merges;
    private final Runnable onMerged;
    private final VerticalLayout choices = new VerticalLayout();
    private PersonDetails duplicate;

    MergeDialog(PersonDetails survivor, PersonSearchService search, PersonService people, PersonMergeService merges,
            Runnable onMerged) {
        this.survivor = survivor;
        this.people = people;
        this.merges = merges;
        this.onMerged = onMerged;
        setHeaderTitle("Merge a duplicate into " + survivor.displayName());
        setWidth("min(48em, 100vw)");

        find.setPlaceholder("Name, e-mail or phone of the duplicate");
        find.setAriaLabel("Find the duplicate");
        find.setWidthFull();
        find.setValueChangeMode(ValueChangeMode.TIMEOUT);
        find.setValueChangeTimeout(300);
        candidates.addComponentColumn(MergeDialog::candidate).setHeader("Possible duplicates");
        candidates.setHeight("14em");
        find.addValueChangeListener(e -> {
            String text = e.getValue().trim();
            if (text.length() < PersonSearchService.MIN_NAME_CHARACTERS && !text.contains("@")) {
                find.setHelperText("Type at least 3 characters.");
                return;
            }
            find.setHelperText(null);
            candidates.setItems(search.page(new PersonQuery(text, PersonFilter.none(), null, false), null, 0, 20)
                    .rows().stream().filter(row -> row.id() != survivor.id()).toList());
        });
        candidates.addItemClickListener(e -> choose(e.getItem().id()));

        choices.setPadding(false);
        choices.setVisible(false);
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        merge.setEnabled(false);
        merge.addClickListener(e -> merge());
        add(find, candidates, choices);
        getFooter().add(new Button("Cancel", e -> close()), merge);
    }

    void choose(long duplicateId) {
        duplicate = people.findById(duplicateId).orElse(null);
        if (duplicate == null || duplicate.id() == survivor.id()) {
            Feedback.error("That supporter cannot be merged into this one.");
            return;
        }
        configure(names, d -> nameOf(d));
        configure(address, d -> addressOf(d.address()));
        configure(source, d -> d.source() == null ? "(none)" : d.source());
        FormLayout form = new FormLayout(names, address, source);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        choices.removeAll();
        choices.add(new Paragraph("Pick the value to keep. E-mails (with their statuses), phones, tags, notes, "
                + "subscription history, donations and volunteering of #" + duplicate.id() + " move to #"
                + survivor.id() + "; the id #" + duplicate.id() + " opens this supporter from then on."), form);
        choices.setVisible(true);
        merge.setText("Merge #" + duplicate.id() + " into #" + survivor.id());
        merge.setEnabled(true);
    }

    private void configure(RadioButtonGroup<MergeChoice> group, Function<PersonDetails, String> value) {
        group.setItems(MergeChoice.SURVIVOR, MergeChoice.DUPLICATE);
        group.setItemLabelGenerator(choice -> (choice == MergeChoice.SURVIVOR ? "This supporter: " : "Duplicate: ")
                + value.apply(choice == MergeChoice.SURVIVOR ? survivor : duplicate));
        group.setValue(MergeChoice.SURVIVOR);
    }

    void merge() {
        try {
            merges.merge(new MergeRequest(survivor.id(), duplicate.id(), names.getValue(), address.getValue(),
                    source.getValue()));
            Feedback.success("Merged #" + duplicate.id() + " into " + survivor.displayName() + ".");
            close();
            onMerged.run();
        } catch (InvalidInputException error) {
            Feedback.error(error.getMessage());
        }
    }

    private static Div candidate(PersonRow row) {
        Div name = new Div(row.name() + " · #" + row.id());
        name.addClassName("candidate-name");
        Div details = new Div(String.join(" · ", Stream.of(row.primaryEmail(), row.state(), ZipCodes.display(row.zip()))
                .filter(part -> part != null && !part.isBlank()).toList()));
        details.addClassName("candidate-details");
        return new Div(name, details);
    }

    private static String nameOf(PersonDetails person) {
        String name = ((person.firstName() == null ? "" : person.firstName()) + " "
                + (person.lastName() == null ? "" : person.lastName())).trim();
        return name.isEmpty() ? "(none)" : name;
    }

    private static String addressOf(PostalAddress address) {
        String text = String.join(", ", Stream.of(address.street(), address.city(),
                address.state() == null ? null : address.state().name(), ZipCodes.display(address.zip()))
                .filter(part -> part != null && !part.isBlank()).toList());
        return text.isEmpty() ? "(none)" : text;
    }
}
