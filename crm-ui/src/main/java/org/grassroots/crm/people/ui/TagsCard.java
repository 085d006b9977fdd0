package org.grassroots.crm.people.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.ui.FieldErrors;

/** Tags: pick an existing one or type a new one; each can be removed. */
class TagsCard extends Card {

    final ComboBox<String> tagPicker = new ComboBox<>();

    TagsCard(PersonDetails person, PersonService people, Consumer<PersonDetails> onChanged) {
        addClassName("tags-card");
        setTitle("Tags");
        FieldErrors errors = new FieldErrors().on("tags", tagPicker);
        Div tags = new Div();
        tags.addClassName("tag-list");
        for (String tag : person.tags()) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> onChanged.accept(
                    people.removeTag(person.id(), tag)));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
            remove.setAriaLabel("Remove tag " + tag);
            Span chip = new Span(SupporterHeader.badge(tag, BadgeVariant.CONTRAST), remove);
            chip.addClassName("tag-chip");
            tags.add(chip);
        }
        if (person.tags().isEmpty()) {
            tags.add(new Span("No tags yet."));
        }
        tagPicker.setItems(people.allTags().stream().filter(tag -> !person.tags().contains(tag)).toList());
        tagPicker.setAllowCustomValue(true);
        tagPicker.setPlaceholder("Add a tag");
        tagPicker.setAriaLabel("Add a tag");
        tagPicker.setWidthFull();
        Consumer<String> addTag = name -> {
            try {
                onChanged.accept(people.addTag(person.id(), name));
            } catch (InvalidInputException error) {
                errors.show(error);
            }
        };
        tagPicker.addCustomValueSetListener(e -> addTag.accept(e.getDetail()));
        tagPicker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                addTag.accept(e.getValue());
            }
        });
        add(tags, tagPicker);
    }
}
